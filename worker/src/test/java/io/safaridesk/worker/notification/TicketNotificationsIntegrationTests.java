package io.safaridesk.worker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.mail.ReplyAddress;
import io.safaridesk.domain.notification.Notification;
import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.domain.sla.SlaCrossed;
import io.safaridesk.domain.sla.SlaMetric;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketWatchers;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.messaging.EventMessage;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ticket events through the real outbox, RabbitMQ, consumer, mail outbox and SMTP server, read back over IMAP. */
@WorkerIntegrationTest
class TicketNotificationsIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketConversation conversation;

    @Autowired
    Notifications notifications;

    @Autowired
    TicketWatchers watchers;

    @Autowired
    DomainEvents events;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailDelivery delivery;

    @Autowired
    ReplyAddress replyAddress;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    WorkerTestWorkspace workspace;

    @BeforeEach
    void workspace() {
        workspace = workspaces.create();
    }

    private void pump() {
        relay.drain();
        delivery.drain();
    }

    private List<Inbox.Mail> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            pump();
                            return Inbox.of(address);
                        },
                        mails -> mails.size() >= count);
    }

    @Test
    void agentsPublicReplyReachesTheRequesterInTheTicketsThread() {
        Actor ann = workspace.agent("Ann", Actor.Role.ADMIN);
        String customer = "cust-" + UUID.randomUUID() + "@customer.test";
        Ticket ticket = workspace.ticket(ann, "Printer on fire", customer, Channel.EMAIL);
        Inbox.Mail acknowledgement = awaitMails(customer, 1).getFirst();

        workspace.inTransaction(() -> conversation.reply(
                ticket.id(), new TicketConversation.Draft("body", "<p>We are <b>on it</b></p>", Channel.API), ann));
        List<Inbox.Mail> mails = awaitMails(customer, 2);

        String reference = "[T-" + ticket.number() + "]";
        assertThat(acknowledgement.subject()).isEqualTo(reference + " Printer on fire");
        assertThat(acknowledgement.autoSubmitted()).isEqualTo("auto-generated");
        Inbox.Mail reply = mails.get(1);
        assertThat(reply.subject()).isEqualTo("Re: " + reference + " Printer on fire");
        assertThat(reply.autoSubmitted())
                .as("a person's reply is not auto-generated")
                .isNull();
        assertThat(reply.inReplyTo()).isEqualTo(acknowledgement.messageId());
        assertThat(reply.references()).contains(acknowledgement.messageId());
        assertThat(reply.partTypes()).containsExactlyInAnyOrder("text/plain", "text/html");
        assertThat(reply.text()).contains("We are on it").contains("Ann");
        assertThat(reply.replyTo()).startsWith("support+" + workspace.slug().value() + "-t" + ticket.id() + "-");
        assertThat(replyAddress.parse(reply.replyTo()))
                .contains(new ReplyAddress.Target(workspace.slug(), ticket.id()));
        assertThat(jdbc.sql("select message_id from platform.mail_outbox where recipient = ? and status = 'SENT'"
                                + " order by created_at")
                        .param(customer)
                        .query(String.class)
                        .list())
                .containsExactly(acknowledgement.messageId(), reply.messageId());
        assertThat(jdbc.sql("select message_id from " + workspace.slug().schemaName()
                                + ".ticket_email_messages where ticket_id = ? order by id")
                        .param(ticket.id())
                        .query(String.class)
                        .list())
                .containsExactly(acknowledgement.messageId(), reply.messageId());
    }

    @Test
    void assignmentAndMentionNotifyTheAgentInAppAndByMailAsTheyChose() {
        Actor ann = workspace.agent("Ann", Actor.Role.ADMIN);
        Actor bob = workspace.agent("Bob", Actor.Role.ADMIN);
        String bobEmail = workspace.emailOf(bob);
        workspace.inTransaction(() -> notifications.change(
                bob.userId(),
                new Notifications.PreferenceChanges(List.of("mention"), List.of(), null, null, null, null)));
        Ticket ticket =
                workspace.ticket(ann, "Server down", "nobody-" + UUID.randomUUID() + "@x.test", Channel.INTERNAL);

        workspace.inTransaction(() -> tickets.assign(ticket.id(), bob.agentId(), null, ann));
        workspace.inTransaction(() -> conversation.note(
                ticket.id(),
                new TicketConversation.Draft("body", "<p>please check @" + bobEmail + "</p>", Channel.API),
                ann));

        List<Notification> bobs = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            pump();
                            return workspace.inTransaction(
                                    () -> notifications.list(bob.userId(), false, Long.MAX_VALUE, 10));
                        },
                        list -> list.size() >= 2);
        assertThat(bobs).extracting(Notification::kind).containsExactlyInAnyOrder("mention", "ticket_assigned");
        assertThat(bobs).allSatisfy(n -> assertThat(n.ticketId()).isEqualTo(ticket.id()));
        assertThat(workspace.inTransaction(() -> notifications.unreadCount(bob.userId())))
                .isEqualTo(2);
        assertThat(workspace.inTransaction(() -> notifications.list(ann.userId(), false, Long.MAX_VALUE, 10)))
                .as("nobody is notified of their own action")
                .isEmpty();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
            pump();
            return Inbox.of(bobEmail).size() == 1;
        });
        Inbox.Mail assigned = Inbox.of(bobEmail).getFirst();
        assertThat(assigned.subject()).isEqualTo("[T-" + ticket.number() + "] assigned to you: Server down");
        assertThat(assigned.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(assigned.inReplyTo())
                .startsWith("<ticket-" + ticket.id() + "." + workspace.slug().value() + "@");
    }

    @Test
    void slaBreachesReachTheAgentsTheSweepNamedAndReadyExportsTheirUser() {
        Actor ann = workspace.agent("Ann", Actor.Role.ADMIN);
        Actor bob = workspace.agent("Bob", Actor.Role.ADMIN);
        Actor cy = workspace.agent("Cy", Actor.Role.ADMIN);
        Ticket ticket = workspace.ticket(ann, "Slow", "slow-" + UUID.randomUUID() + "@x.test", Channel.INTERNAL);
        workspace.inTransaction(() -> tickets.assign(ticket.id(), bob.agentId(), null, ann));
        workspace.inTransaction(() -> watchers.add(ticket.id(), "agent_id", List.of(cy.agentId()), ann));
        workspace.inTransaction(() -> events.record(
                SlaCrossed.BREACHED,
                new SlaCrossed(
                        ticket.id(),
                        ticket.number(),
                        SlaMetric.FIRST_RESPONSE,
                        1,
                        "breached",
                        Instant.parse("2026-01-01T10:00:00Z"),
                        Instant.parse("2026-01-01T10:00:01Z"),
                        List.of(bob.agentId(), cy.agentId()),
                        List.of())));
        workspace.inTransaction(() -> events.record(
                "export.ready",
                Map.of(
                        "user_id", ann.userId(),
                        "email", workspace.emailOf(ann),
                        "export_name", "tickets.csv",
                        "download_url", "https://files.example/e/1",
                        "expires_at", "2026-01-02T00:00:00Z")));

        for (Actor follower : List.of(bob, cy)) {
            List<Notification> received = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                pump();
                                return workspace.inTransaction(
                                        () -> notifications.list(follower.userId(), false, Long.MAX_VALUE, 10));
                            },
                            list -> list.stream().anyMatch(n -> n.kind().equals("sla_breached")));
            assertThat(received)
                    .filteredOn(n -> n.kind().equals("sla_breached"))
                    .singleElement()
                    .satisfies(n -> assertThat(n.title()).contains("breached its first response target"));
            String subject = "[T-" + ticket.number() + "] SLA breached: Slow";
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                pump();
                return Inbox.of(workspace.emailOf(follower)).stream()
                        .anyMatch(mail -> mail.subject().equals(subject));
            });
        }
        assertThat(workspace.inTransaction(() -> notifications.list(ann.userId(), false, Long.MAX_VALUE, 10)))
                .extracting(Notification::kind)
                .containsExactly("export_ready");
        assertThat(awaitMails(workspace.emailOf(ann), 1).getFirst().text()).contains("https://files.example/e/1");
    }

    @Test
    void theSameMessageDeliveredTwiceIsHandledOnce() {
        Actor ann = workspace.agent("Ann", Actor.Role.ADMIN);
        String customer = "twice-" + UUID.randomUUID() + "@customer.test";
        Ticket ticket = workspace.ticket(ann, "Twice", customer, Channel.WEB);
        // take the event out of the relay's hands and deliver it twice ourselves, as a redelivery would
        record Row(UUID id, String payload) {}
        Row event = jdbc.sql("update platform.outbox set published_at = now() where tenant_slug = ? and type = ?"
                        + " returning id, payload::text as payload")
                .params(workspace.slug().value(), EventTopology.TICKET_EVENTS + "created")
                .query(Row.class)
                .single();
        for (int i = 0; i < 2; i++) {
            MessageProperties properties = new MessageProperties();
            properties.setMessageId(event.id().toString());
            properties.setType(EventTopology.TICKET_EVENTS + "created");
            properties.setHeader(EventMessage.TENANT_HEADER, workspace.slug().value());
            properties.setHeader(EventMessage.VERSION_HEADER, 1);
            rabbit.send(
                    EventTopology.EVENTS_EXCHANGE,
                    EventTopology.TICKET_EVENTS + "created",
                    new Message(event.payload().getBytes(StandardCharsets.UTF_8), properties));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> queuedFor(customer) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> queuedFor(customer) == 1);
        assertThat(jdbc.sql("select count(*) from " + workspace.slug().schemaName()
                                + ".processed_messages where message_id = ?")
                        .param(event.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(ticket.id()).isPositive();
    }

    private long queuedFor(String recipient) {
        return jdbc.sql("select count(*) from platform.mail_outbox where recipient = ?")
                .param(recipient)
                .query(Long.class)
                .single();
    }
}
