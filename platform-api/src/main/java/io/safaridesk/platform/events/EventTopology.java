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

    /** A user asked for a ticket export; the worker writes it ({@code export_id}). */
    public static final String EXPORT_REQUESTED = "export.requested";

    /** An export's file is ready to download ({@code user_id}, {@code email}, {@code download_url}, ...). */
    public static final String EXPORT_READY = "export.ready";

    /** An export could not be written ({@code user_id}, {@code export_name}, {@code reason}). */
    public static final String EXPORT_FAILED = "export.failed";

    /** An admin asked for a test mail of a template ({@code template}, {@code language}, {@code recipient}, ...). */
    public static final String MAIL_TEST_REQUESTED = "mail.test-requested";

    private EventTopology() {}
}
