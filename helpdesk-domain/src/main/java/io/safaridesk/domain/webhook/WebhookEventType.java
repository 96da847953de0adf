package io.safaridesk.domain.webhook;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook can subscribe to, each named by its routing key on the events exchange. The body's
 * {@code data} is the event's version 1 record as the outbox carries it (docs/reference/automation.md lists the
 * fields); fields are only ever added.
 */
public enum WebhookEventType {
    TICKET_CREATED("ticket.created"),
    TICKET_UPDATED("ticket.updated"),
    TICKET_STATUS_CHANGED("ticket.status-changed"),
    TICKET_ASSIGNED("ticket.assigned"),
    TICKET_REPLY_ADDED("ticket.reply-added"),
    TICKET_NOTE_ADDED("ticket.note-added"),
    TICKET_MERGED("ticket.merged"),
    TICKET_DELETED("ticket.deleted"),
    TICKET_SATISFACTION_RECEIVED("ticket.satisfaction-received"),
    SLA_AT_RISK("sla.at-risk"),
    SLA_BREACHED("sla.breached");

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The event type named {@code type}, or a 422 naming {@code field}. */
    public static WebhookEventType of(String field, String type) {
        return ofType(type == null ? "" : type.trim())
                .orElseThrow(() -> ApiProblem.invalidField(
                        field,
                        "names an unknown event type " + type + "; known: "
                                + String.join(
                                        ", ",
                                        Arrays.stream(values())
                                                .map(WebhookEventType::type)
                                                .toList())));
    }
}
