package io.safaridesk.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message whose handling keeps failing is retried through the retry queues and lands in the dead-letter queue after
 * max-attempts (3 here), where the operator lists, replays and purges it, also through the {@code dlq} command.
 */
@WorkerIntegrationTest
class DeadLettersIntegrationTests {

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    JdbcClient jdbc;

    /** The broker is shared: each test starts from an empty dead-letter queue of the tests' own. */
    @BeforeEach
    void emptyDeadLetterQueue() {
        deadLetters.purge(Concern.NOTIFICATIONS);
    }

    @Test
    void aPoisonMessageIsDeadLetteredAfterItsAttemptsAndReplayedOnceTheCauseIsFixed() {
        // a workspace schema without its tables: every try fails in the handler's transaction
        TenantSlug broken = TenantSlug.of("dlq" + UUID.randomUUID().toString().substring(0, 8));
        schemas.create(broken);
        UUID id = UUID.randomUUID();
        publish(id, broken.value(), "{\"ticket_id\": 1, \"channel\": \"WEB\"}");

        DeadLetters.DeadLetter letter =
                await().atMost(Duration.ofSeconds(30)).until(() -> find(id), found -> found != null);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.workspace()).isEqualTo(broken.value());
        assertThat(letter.type()).isEqualTo("ticket.created");
        assertThat(letter.error()).contains("processed_messages");
        assertThat(find(id)).as("listing leaves the message in the queue").isNotNull();

        schemas.migrate(broken);
        assertThat(deadLetters.replay(Concern.NOTIFICATIONS, id.toString())).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from " + broken.schemaName()
                                        + ".processed_messages where message_id = ?")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(find(id)).isNull();
        schemas.drop(broken);
    }

    @Test
    void aMalformedMessageGoesStraightToTheDeadLetterQueueAndTheCommandPurgesIt() {
        UUID id = UUID.randomUUID();
        publish(id, null, "not json");
        await().atMost(Duration.ofSeconds(30)).until(() -> find(id) != null);
        assertThat(find(id).attempts()).isEqualTo(1);

        Map<String, String> env = Map.of(
                "SAFARIDESK_AMQP_URL",
                TestServices.endpoints().amqp().uri().toString(),
                "SAFARIDESK_QUEUE_PREFIX",
                "safaridesk.worker-test");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(DlqCli.run(new String[] {"list", "--json"}, env, new PrintWriter(out), new PrintWriter(err)))
                .isZero();
        assertThat(out.toString()).contains("\"message_id\":\"" + id + "\"");
        assertThat(DlqCli.run(new String[] {"list", "--bogus"}, env, new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(DlqCli.USAGE);

        StringWriter purged = new StringWriter();
        assertThat(DlqCli.run(new String[] {"purge", "--json"}, env, new PrintWriter(purged), new PrintWriter(err)))
                .isZero();
        assertThat(purged.toString()).contains("\"purged\":");
        assertThat(find(id)).isNull();
    }

    private DeadLetters.DeadLetter find(UUID id) {
        return deadLetters.list(Concern.NOTIFICATIONS, 1000).stream()
                .filter(letter -> id.toString().equals(letter.messageId()))
                .findFirst()
                .orElse(null);
    }

    private void publish(UUID id, String tenant, String payload) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(id.toString());
        properties.setType(EventTopology.TICKET_EVENTS + "created");
        if (tenant != null) {
            properties.setHeader(EventMessage.TENANT_HEADER, tenant);
        }
        rabbit.send(
                EventTopology.EVENTS_EXCHANGE,
                EventTopology.TICKET_EVENTS + "created",
                new Message(payload.getBytes(StandardCharsets.UTF_8), properties));
    }
}
