package io.safaridesk.platform.events;

/** Names of the RabbitMQ exchange that carries domain events, and the routing keys of the events on it. */
public final class EventTopology {

    /** The topic exchange for every domain event. */
    public static final String EVENTS_EXCHANGE = "safaridesk.events";

    public static final String TENANT_PROVISIONED = "tenant.provisioned";

    /** Every ticket event's routing key starts so: {@code ticket.#} binds them all. */
    public static final String TICKET_EVENTS = "ticket.";

    /** Every knowledge base event's routing key starts so: {@code kb.#} binds them all. */
    public static final String KB_EVENTS = "kb.";

    private EventTopology() {}
}
