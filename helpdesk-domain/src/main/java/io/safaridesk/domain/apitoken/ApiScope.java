package io.safaridesk.domain.apitoken;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API token may do. Each scope opens a set of helpdesk-api routes (declared in its security configuration);
 * admin areas (agents, settings, webhooks, the audit log, API tokens themselves) are in none of them.
 */
public enum ApiScope {
    /** Read tickets, their conversations and attachments, statuses and categories. */
    TICKETS_READ("tickets:read"),
    /** Create and change tickets: replies, notes, status, assignee, tags, merges, bulk actions. */
    TICKETS_WRITE("tickets:write"),
    /** Read contacts. */
    CONTACTS_READ("contacts:read"),
    /** Create, change and delete contacts. */
    CONTACTS_WRITE("contacts:write"),
    /** Read the knowledge base, drafts and analytics included. */
    KB_READ("kb:read"),
    /** Write knowledge base articles and categories. */
    KB_MANAGE("kb:manage");

    private final String scope;

    ApiScope(String scope) {
        this.scope = scope;
    }

    /** The scope as clients write it, e.g. {@code tickets:read}. */
    public String scope() {
        return scope;
    }

    /** The scope named {@code value}; else 422 naming {@code field} and the known scopes. */
    public static ApiScope of(String field, String value) {
        return find(value)
                .orElseThrow(() -> ApiProblem.invalidField(
                        field,
                        "has an unknown scope " + value + "; known: "
                                + Arrays.stream(values()).map(ApiScope::scope).collect(Collectors.joining(", "))));
    }

    /** The scope named {@code value}, if there is one. */
    public static Optional<ApiScope> find(String value) {
        return Arrays.stream(values()).filter(s -> s.scope.equals(value)).findFirst();
    }
}
