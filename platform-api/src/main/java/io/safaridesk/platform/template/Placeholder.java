package io.safaridesk.platform.template;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A value a mail template may name as {@code {{name}}}: what it stands for and an example used by previews. Values are
 * HTML-escaped in the HTML part, except {@link #html() HTML} ones, which are sanitised HTML already.
 */
public enum Placeholder {
    WORKSPACE_NAME("workspace.name", "The workspace's name", "Acme Support"),
    WORKSPACE_SUPPORT_URL(
            "workspace.support_url", "The workspace's support site, if it has one", "https://help.acme.example"),
    TICKET_NUMBER("ticket.number", "The ticket's reference with the workspace's prefix", "T-1042"),
    TICKET_SUBJECT("ticket.subject", "The ticket's subject", "Printer on fire"),
    TICKET_STATUS("ticket.status", "The name of the ticket's status", "Resolved"),
    TICKET_URL(
            "ticket.url",
            "The ticket's page: the portal for the requester, the agent app for staff",
            "https://app.safaridesk.example/tickets/1042"),
    REQUESTER_NAME("requester.name", "The name of the ticket's requester", "Jo Requester"),
    REQUESTER_EMAIL("requester.email", "The address of the ticket's requester", "jo@customer.example"),
    RECIPIENT_NAME("recipient.name", "The name of the person the mail goes to", "Jo Requester"),
    AGENT_NAME("agent.name", "The agent who acted: replied, solved, assigned, mentioned", "Ann Agent"),
    MESSAGE_TEXT("message.text", "The message's plain text", "We replaced the toner."),
    MESSAGE_HTML("message.html", "The message as sanitised HTML (HTML part only)", "<p>We replaced the toner.</p>"),
    SLA_TARGET("sla.target", "The SLA target: first response, next response or resolution", "first response"),
    SLA_DUE_AT("sla.due_at", "When the SLA target is due (ISO 8601, UTC)", "2026-12-03T10:00:00Z"),
    SURVEY_GOOD_URL(
            "survey.good_url",
            "The survey link that rates the ticket good",
            "https://app.safaridesk.example/portal/acme/satisfaction/42.1767434400.sig?rating=good"),
    SURVEY_BAD_URL(
            "survey.bad_url",
            "The survey link that rates the ticket bad",
            "https://app.safaridesk.example/portal/acme/satisfaction/42.1767434400.sig?rating=bad"),
    EXPORT_NAME("export.name", "The export's file name", "tickets-2026-12-03.csv"),
    EXPORT_URL("export.url", "The export's download link", "https://app.safaridesk.example/api/v1/exports/7/file"),
    EXPORT_EXPIRES_AT("export.expires_at", "When the export's link stops working", "2026-12-05T10:00:00Z"),
    WEBHOOK_URL("webhook.url", "The disabled webhook's target URL", "https://hooks.example.com/safaridesk"),
    WEBHOOK_REASON(
            "webhook.reason",
            "Why the webhook was disabled",
            "Delivery msg_2f1c failed 8 times since 2026-12-02T10:00:00Z; last: HTTP 500"),
    SIGNUP_NAME("signup.name", "The name of the person signing up", "Jo Founder"),
    SIGNUP_CODE("signup.code", "The one-time sign-up code", "123456"),
    SIGNUP_VALID_MINUTES("signup.valid_minutes", "For how many minutes the code is valid", "10");

    private static final Map<String, Placeholder> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(Placeholder::placeholder, Function.identity()));

    private final String name;
    private final String description;
    private final String example;

    Placeholder(String name, String description, String example) {
        this.name = name;
        this.description = description;
        this.example = example;
    }

    /** The name inside the braces: {@code ticket.number}. */
    public String placeholder() {
        return name;
    }

    public String description() {
        return description;
    }

    public String example() {
        return example;
    }

    /** Whether the value is sanitised HTML, put into the HTML part as it is. */
    public boolean html() {
        return this == MESSAGE_HTML;
    }

    public static Optional<Placeholder> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
