package io.safaridesk.domain.automation;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The ticket events a trigger listens to, as the outbox carries them ({@code routingKey}): {@code updated} is any
 * change after creation (fields, status, assignee, a reply or a note), the reply events are told apart by their author.
 */
public enum TriggerEvent {
    CREATED("ticket.created"),
    UPDATED("ticket.updated"),
    CUSTOMER_REPLY("ticket.reply-added"),
    AGENT_REPLY("ticket.reply-added"),
    STATUS_CHANGED("ticket.status-changed"),
    ASSIGNED("ticket.assigned"),
    SLA_AT_RISK("sla.at-risk"),
    SLA_BREACHED("sla.breached"),
    CSAT_RECEIVED("ticket.satisfaction-received");

    private static final List<String> UPDATES = List.of(
            "ticket.updated", "ticket.status-changed", "ticket.assigned", "ticket.reply-added", "ticket.note-added");

    private final String routingKey;

    TriggerEvent(String routingKey) {
        this.routingKey = routingKey;
    }

    /** Its name in the API ({@code customer_reply}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event named {@code value} in the API, or a 422 naming {@code field}. */
    public static TriggerEvent of(String field, String value) {
        return Arrays.stream(values())
                .filter(event ->
                        value != null && event.label().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalidField(
                        field,
                        "is not one of "
                                + Arrays.stream(values())
                                        .map(TriggerEvent::label)
                                        .toList()));
    }

    /** Whether a message of this type and payload is this event. */
    public boolean matches(String type, JsonNode payload) {
        return switch (this) {
            case UPDATED -> UPDATES.contains(type);
            case CUSTOMER_REPLY ->
                routingKey.equals(type) && !payload.path("author_agent_id").isNumber();
            case AGENT_REPLY ->
                routingKey.equals(type) && payload.path("author_agent_id").isNumber();
            default -> routingKey.equals(type);
        };
    }

    /** Whether any trigger could listen to a message of this type. */
    public static boolean relevant(String type) {
        return UPDATES.contains(type) || Arrays.stream(values()).anyMatch(event -> event.routingKey.equals(type));
    }

    static Optional<TriggerEvent> find(String label) {
        return Arrays.stream(values()).filter(e -> e.label().equals(label)).findFirst();
    }
}
