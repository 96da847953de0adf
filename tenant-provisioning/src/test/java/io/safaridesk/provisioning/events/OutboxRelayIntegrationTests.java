package io.safaridesk.provisioning.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.events.TenantProvisioned;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.worker.messaging.EventMessage;
import io.safaridesk.worker.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisioning's events through the worker's outbox relay, on a real PostgreSQL and broker: committed events are
 * published with their id, workspace and version, rolled-back ones never, and events wait while the broker is down.
 */
@SpringBootTest(properties = "safaridesk.provisioning.runner-enabled=false")
@ContextConfiguration(initializers = TestServicesInitializer.class)
class OutboxRelayIntegrationTests {

    @Autowired
    PlatformOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    OutboxRelay relay;
    String queue;
    String slug;

    @BeforeEach
    void listenToProvisionedEvents() {
        relay = new OutboxRelay(dataSource, rabbit);
        // what other tests of this JVM left in the outbox goes out before this test's queue exists
        relay.drain();
        // not auto-delete: a receive with a timeout would otherwise delete it when its consumer goes
        queue = admin.declareQueue(new Queue("outbox-test-" + UUID.randomUUID(), false, false, false));
        admin.declareBinding(BindingBuilder.bind(new Queue(queue))
                .to(new TopicExchange(EventTopology.EVENTS_EXCHANGE))
                .with(EventTopology.TENANT_PROVISIONED));
        slug = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void deleteQueue() {
        admin.deleteQueue(queue);
    }

    private UUID recordInTransaction(boolean commit) {
        return transaction.execute(status -> {
            UUID id = outbox.record(
                    slug,
                    EventTopology.TENANT_PROVISIONED,
                    new TenantProvisioned(
                            UUID.randomUUID(), slug, "Outbox Ltd", slug + ".test", "a@b.test", Instant.now()));
            if (!commit) {
                status.setRollbackOnly();
            }
            return id;
        });
    }

    private boolean published(UUID id) {
        return jdbc.sql("select published_at is not null from platform.outbox where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    @Test
    void publishesACommittedEventWithItsIdWorkspaceAndVersion() {
        UUID id = recordInTransaction(true);

        relay.drain();

        Message message = rabbit.receive(queue, 10_000);
        assertThat(message).isNotNull();
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(id.toString());
        assertThat(message.getMessageProperties().getType()).isEqualTo(EventTopology.TENANT_PROVISIONED);
        assertThat(message.getMessageProperties()
                        .getHeader(EventMessage.TENANT_HEADER)
                        .toString())
                .isEqualTo(slug);
        assertThat(message.getMessageProperties()
                        .getHeader(EventMessage.VERSION_HEADER)
                        .toString())
                .isEqualTo("1");
        JsonNode event = JsonMapper.shared().readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        assertThat(event.get("slug").asString()).isEqualTo(slug);
        assertThat(event.get("business_name").asString()).isEqualTo("Outbox Ltd");
        assertThat(published(id)).isTrue();

        relay.drain();
        assertThat(messagesOf(slug)).as("published once").isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        recordInTransaction(false);

        relay.drain();

        assertThat(messagesOf(slug)).isZero();
    }

    /**
     * How many of the messages waiting in the test's queue are this workspace's (the drain also publishes what other
     * tests of this JVM left in the outbox); takes them all off the queue.
     */
    private int messagesOf(String workspace) {
        int count = 0;
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            Object tenant = message.getMessageProperties().getHeader(EventMessage.TENANT_HEADER);
            count += workspace.equals(String.valueOf(tenant)) ? 1 : 0;
        }
        return count;
    }

    @Test
    void eventsWaitInTheOutboxWhileTheBrokerIsDownAndFlowWhenItIsBack() {
        UUID id = recordInTransaction(true);
        CachingConnectionFactory deadBroker = new CachingConnectionFactory("127.0.0.1", 1);
        try {
            new OutboxRelay(dataSource, new RabbitTemplate(deadBroker)).drain();
            assertThat(published(id)).isFalse();
        } finally {
            deadBroker.destroy();
        }

        relay.drain();

        assertThat(published(id)).isTrue();
        Message message = rabbit.receive(queue, 10_000);
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(id.toString());
    }
}
