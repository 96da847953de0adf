package io.safaridesk.platform.events;

import io.safaridesk.platform.observability.TraceCarrier;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a workspace's domain event in the platform outbox inside the caller's transaction: the event exists if and
 * only if the change that caused it commits. The outbox relay publishes it to {@link EventTopology#EVENTS_EXCHANGE}
 * with the routing key as message type and the workspace in a header. The current trace is stored with it, so that
 * the request's trace goes on through RabbitMQ into the worker.
 */
@Component
public class DomainEvents {

    private static final ThreadLocal<List<UUID>> CAPTURED = new ThreadLocal<>();

    @PersistenceContext
    private EntityManager entityManager;

    private final JsonMapper json;
    private final Clock clock;
    private final TraceCarrier traces;

    /**
     * Runs {@code work} on this thread and answers the message ids of the events it recorded (automation rules use
     * them to know which later events their own changes caused).
     */
    public static List<UUID> capturing(Runnable work) {
        List<UUID> outer = CAPTURED.get();
        List<UUID> ids = new ArrayList<>();
        CAPTURED.set(ids);
        try {
            work.run();
        } finally {
            CAPTURED.set(outer);
        }
        return ids;
    }

    DomainEvents(JsonMapper json, Clock clock, TraceCarrier traces) {
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    /** Records {@code event} under {@code routingKey}; answers its message id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(String routingKey, Object event) {
        UUID id = UUID.randomUUID();
        List<UUID> capture = CAPTURED.get();
        if (capture != null) {
            capture.add(id);
        }
        entityManager.persist(new OutboxEntry(
                id,
                TenantContext.current().value(),
                routingKey,
                json.writeValueAsString(event),
                clock.instant(),
                traces.current()));
        return id;
    }
}
