package io.safaridesk.worker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.safaridesk.domain.mail.MailOrigin;
import io.safaridesk.domain.mail.SecretBox;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.observability.TraceCarrier;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.mail.MailProperties;
import io.safaridesk.worker.mail.MailTransports;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * RabbitMQ or SMTP unreachable for a while: events wait in the outbox and mail in the mail outbox, and once the
 * service answers every mail is delivered exactly once. "Down" is a port where nothing listens; "back" is the real
 * broker, or a GreenMail started on that very port.
 */
@WorkerIntegrationTest
class OutageIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailDelivery delivery;

    @Autowired
    DataSource dataSource;

    @Autowired
    SecretBox secretBox;

    @Autowired
    MailOrigin mailOrigin;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    JdbcClient jdbc;

    WorkerTestWorkspace workspace;
    Actor ann;

    @BeforeEach
    void workspace() {
        workspace = workspaces.create();
        ann = workspace.agent("Ann", Actor.Role.ADMIN);
    }

    @Test
    void eventsWrittenWhileRabbitMqIsDownAreMailedExactlyOnceWhenItReturns() throws InterruptedException {
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", freePort());
        nowhere.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        OutboxRelay relayWithoutBroker = new OutboxRelay(dataSource, new RabbitTemplate(nowhere));
        List<String> customers = IntStream.range(0, 20)
                .mapToObj(i -> "burst-" + i + "-" + UUID.randomUUID() + "@customer.test")
                .toList();
        try {
            customers.forEach(customer -> workspace.ticket(ann, "Burst " + customer, customer, Channel.WEB));

            assertThat(relayWithoutBroker.drain()).isZero();
            assertThat(unpublished()).as("events wait in the outbox").isGreaterThanOrEqualTo(20);
        } finally {
            nowhere.destroy();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    relay.drain();
                    delivery.drain();
                    return customers.stream()
                            .allMatch(customer -> Inbox.of(customer).size() == 1);
                });
        for (int i = 0; i < 5; i++) {
            relay.drain();
            delivery.drain();
            Thread.sleep(300);
        }
        assertThat(customers)
                .allSatisfy(
                        customer -> assertThat(Inbox.of(customer)).as(customer).hasSize(1));
        assertThat(unpublished()).isZero();
    }

    @Test
    void mailIsRetriedWhileSmtpRefusesAndDeliveredOnceWhenItAccepts() throws Exception {
        int port = freePort();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        MailDelivery deliveryToPort = new MailDelivery(
                dataSource,
                new MailTransports(sender, dataSource, secretBox, Clock.systemUTC()),
                mailProperties,
                Clock.systemUTC(),
                mailOrigin,
                TraceCarrier.NONE,
                new SimpleMeterRegistry());
        List<String> customers = IntStream.range(0, 10)
                .mapToObj(i -> "smtp-" + i + "-" + UUID.randomUUID() + "@customer.test")
                .toList();
        customers.forEach(customer -> workspace.ticket(ann, "Refused " + customer, customer, Channel.WEB));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            relay.drain();
            return queued(customers, "PENDING") == customers.size();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            deliveryToPort.drain();
            return attempted(customers) >= 2 * customers.size();
        });
        assertThat(queued(customers, "PENDING")).as("nothing dropped").isEqualTo(customers.size());

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        deliveryToPort.drain();
                        return queued(customers, "SENT") == customers.size();
                    });
            deliveryToPort.drain();
            Map<String, List<String>> received = new HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                received.computeIfAbsent(recipient(message), key -> new ArrayList<>())
                        .add(message.getMessageID());
            }
            assertThat(customers)
                    .allSatisfy(customer -> assertThat(received.get(customer))
                            .as("exactly one mail to " + customer)
                            .hasSize(1));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void mailOfADeletedWorkspaceFailsAloneAndTheRestOfItsBatchIsSent() {
        String live = queueMail(workspace.slug().value());
        String orphan = queueMail("gone-" + UUID.randomUUID().toString().substring(0, 8));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            delivery.drain();
            return queued(List.of(live), "SENT") == 1;
        });
        assertThat(queued(List.of(orphan), "FAILED")).isEqualTo(1);
        assertThat(jdbc.sql("select last_error from platform.mail_outbox where recipient = ?")
                        .param(orphan)
                        .query(String.class)
                        .single())
                .contains("no longer exists");
        assertThat(Inbox.of(live)).hasSize(1);
        assertThat(Inbox.of(orphan)).isEmpty();
    }

    /** A due mail of workspace {@code slug} to a fresh recipient, queued directly; answers the recipient. */
    private String queueMail(String slug) {
        String recipient = "batch-" + UUID.randomUUID() + "@customer.test";
        jdbc.sql(
                        "insert into platform.mail_outbox (id, tenant_slug, kind, message_id, from_address, recipient, subject,"
                                + " body_text, body_html) values (?, ?, 'TEST', ?, 'desk@safaridesk.test', ?, 'Batch', 'Hi',"
                                + " '<p>Hi</p>')")
                .params(UUID.randomUUID(), slug, "<" + UUID.randomUUID() + "@safaridesk.test>", recipient)
                .update();
        return recipient;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long unpublished() {
        return jdbc.sql("select count(*) from platform.outbox where tenant_slug = ? and published_at is null")
                .param(workspace.slug().value())
                .query(Long.class)
                .single();
    }

    private long queued(List<String> recipients, String status) {
        return jdbc.sql("select count(*) from platform.mail_outbox where recipient in (:to) and status = :status")
                .param("to", recipients)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private long attempted(List<String> recipients) {
        return jdbc.sql("select coalesce(sum(attempts), 0) from platform.mail_outbox where recipient in (:to)")
                .param("to", recipients)
                .query(Long.class)
                .single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
