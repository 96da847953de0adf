package io.safaridesk.provisioning.events;

import io.safaridesk.platform.events.EventTopology;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes outbox rows to RabbitMQ in the order they were written, marking each once the broker has confirmed it.
 * While RabbitMQ is down rows simply wait; a row may be published twice after a crash, so consumers deduplicate by
 * message id.
 */
@Component
@ConditionalOnProperty(name = "safaridesk.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String TENANT_HEADER = "x-safaridesk-tenant";
    static final String VERSION_HEADER = "x-safaridesk-version";
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final JdbcClient jdbc;
    private final RabbitTemplate rabbit;

    OutboxRelay(JdbcClient jdbc, RabbitTemplate rabbit) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
    }

    record Row(UUID id, String tenantSlug, String type, String payload) {}

    @Scheduled(fixedDelayString = "${safaridesk.outbox.poll-interval:1s}")
    @Transactional
    public void relay() {
        List<Row> rows = jdbc.sql("select id, tenant_slug, type, payload::text as payload from platform.outbox where"
                        + " published_at is null order by created_at limit 100 for update skip locked")
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("tenant_slug"),
                        rs.getString("type"),
                        rs.getString("payload")))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        try {
            rabbit.invoke(operations -> {
                rows.forEach(row -> operations.send(EventTopology.EVENTS_EXCHANGE, row.type(), message(row)));
                operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return null;
            });
        } catch (AmqpException brokerDown) {
            log.warn("RabbitMQ unavailable; {} event(s) wait in the outbox: {}", rows.size(), brokerDown.getMessage());
            return;
        }
        jdbc.sql("update platform.outbox set published_at = now() where id in (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .update();
    }

    private static Message message(Row row) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(row.id().toString());
        properties.setType(row.type());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setHeader(TENANT_HEADER, row.tenantSlug());
        properties.setHeader(VERSION_HEADER, 1);
        return new Message(row.payload().getBytes(StandardCharsets.UTF_8), properties);
    }
}
