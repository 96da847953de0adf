package io.safaridesk.worker.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.observability.TraceCarrier;
import io.safaridesk.worker.messaging.EventMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@code platform.outbox} rows (every workspace's domain events and the platform's own, such as
 * {@code tenant.provisioned}) to the events exchange in the order they were written, with publisher confirms, marking
 * each once the broker has confirmed it. While RabbitMQ is down rows simply wait. Relays in several worker replicas
 * are safe: each claims its batch with {@code for update skip locked}. A row may be published twice after a crash
 * between confirm and commit, so consumers deduplicate by message id. Each message continues the trace stored with its
 * row (an {@code outbox publish} span, its {@code traceparent} in the message headers).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long CONFIRM_TIMEOUT_MS = 10_000;
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RabbitTemplate rabbit;
    private final TraceCarrier traces;

    /** A relay over the platform database (its own JDBC transactions, no workspace) to this broker. */
    public OutboxRelay(DataSource dataSource, RabbitTemplate rabbit, TraceCarrier traces) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.rabbit = rabbit;
        this.traces = traces;
    }

    /** A relay that records no spans of its own (it still passes each row's stored trace on). */
    public OutboxRelay(DataSource dataSource, RabbitTemplate rabbit) {
        this(dataSource, rabbit, TraceCarrier.NONE);
    }

    record Row(UUID id, String tenantSlug, String type, String payload, String traceContext) {}

    /** Publishes one batch; answers how many rows it published (0 when none waited or the broker is down). */
    public int relay() {
        Integer published = transaction.execute(status -> {
            List<Row> rows = jdbc.sql("select id, tenant_slug, type, payload::text as payload,"
                            + " trace_context::text as trace_context from platform.outbox"
                            + " where published_at is null order by created_at limit " + BATCH
                            + " for update skip locked")
                    .query((rs, n) -> new Row(
                            rs.getObject("id", UUID.class),
                            rs.getString("tenant_slug"),
                            rs.getString("type"),
                            rs.getString("payload"),
                            rs.getString("trace_context")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            try {
                rabbit.invoke(operations -> {
                    rows.forEach(row -> publish(operations, row));
                    operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                    return null;
                });
            } catch (AmqpException brokerDown) {
                log.warn(
                        "RabbitMQ unavailable; {} event(s) wait in the outbox: {}",
                        rows.size(),
                        brokerDown.getMessage());
                return 0;
            }
            jdbc.sql("update platform.outbox set published_at = now() where id in (:ids)")
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    /** Relays until the outbox is empty or the broker stops confirming; answers how many rows were published. */
    public int drain() {
        int total = 0;
        int batch;
        do {
            batch = relay();
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private void publish(RabbitOperations operations, Row row) {
        Span span = traces.continueFrom(row.traceContext(), "outbox publish", Span.Kind.PRODUCER)
                .tag("messaging.destination.name", EventTopology.EVENTS_EXCHANGE)
                .tag("messaging.rabbitmq.destination.routing_key", row.type());
        try (Tracer.SpanInScope scope = traces.inScope(span)) {
            operations.send(EventTopology.EVENTS_EXCHANGE, row.type(), message(row));
        } finally {
            span.end();
        }
    }

    private Message message(Row row) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(row.id().toString());
        properties.setType(row.type());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        if (row.tenantSlug() != null) {
            properties.setHeader(EventMessage.TENANT_HEADER, row.tenantSlug());
        }
        properties.setHeader(EventMessage.VERSION_HEADER, 1);
        traces.outgoing(row.traceContext()).forEach(properties::setHeader);
        return new Message(row.payload().getBytes(StandardCharsets.UTF_8), properties);
    }
}
