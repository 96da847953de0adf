package io.safaridesk.worker.messaging;

import java.util.List;

/**
 * A concern of the worker with its own work queue, retry queues and dead-letter queue, bound to the events exchange
 * by these routing-key patterns.
 */
public record Concern(String name, List<String> bindings) {

    /** In-app notifications and outbound email about tickets, SLA and exports, and admins' test mails. */
    public static final Concern NOTIFICATIONS =
            new Concern("notifications", List.of("ticket.#", "sla.#", "export.#", "mail.#"));

    /** Ticket exports to write ({@code export.requested}). */
    public static final Concern EXPORTS = new Concern("exports", List.of("export.requested"));

    /** Ticket and SLA events that workspaces' webhooks subscribe to. */
    public static final Concern WEBHOOKS = new Concern("webhooks", List.of("ticket.#", "sla.#"));

    /** Ticket and SLA events that set workspaces' triggers off. */
    public static final Concern AUTOMATION = new Concern("automation", List.of("ticket.#", "sla.#"));

    /** Every concern the worker consumes. */
    public static final List<Concern> ALL = List.of(NOTIFICATIONS, EXPORTS, WEBHOOKS, AUTOMATION);
}
