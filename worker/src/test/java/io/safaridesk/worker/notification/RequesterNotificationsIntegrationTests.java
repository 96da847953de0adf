package io.safaridesk.worker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.inbound.MailThreads;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Status mail to a ticket's requester and CC'd participants, through the real outbox, RabbitMQ, consumer, mail outbox
 * and SMTP server, read back over IMAP.
 */
@WorkerIntegrationTest
class RequesterNotificationsIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    MailThreads threads;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    WorkerTestWorkspace workspace;
    Actor ann;

    @BeforeEach
    void workspace() {
        workspace = workspaces.create();
        ann = workspace.agent("Ann", Actor.Role.AGENT);
    }

    private List<Inbox.Mail> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            relay.drain();
                            delivery.drain();
                            return Inbox.of(address);
                        },
                        mails -> mails.size() >= count);
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@customer.test";
    }

    private void setContact(String email, String column, Object value) {
        jdbc.sql("update " + workspace.slug().schemaName() + ".contacts set " + column + " = ? where email = ?")
                .params(value, email)
                .update();
    }

    private void status(Ticket ticket, String status, Actor actor) {
        workspace.inTransaction(() -> tickets.changeStatus(ticket.id(), status, null, null, actor));
    }

    @Test
    void solvedTicketReachesRequesterAndParticipantsEachInTheirLanguageInTheTicketsThread() {
        String requester = address("jo");
        String colleague = address("cc");
        Ticket ticket = workspace.ticket(ann, "Printer on fire", requester, Channel.EMAIL);
        Inbox.Mail acknowledgement = awaitMails(requester, 1).getFirst();
        setContact(requester, "language", "de");
        workspace.inTransaction(() -> {
            threads.addParticipants(ticket.id(), List.of(new MailThreads.Participant(colleague, null)));
            return null;
        });

        status(ticket, "Resolved", ann);

        Inbox.Mail solved = awaitMails(requester, 2).get(1);
        String reference = "[T-" + ticket.number() + "]";
        assertThat(solved.subject()).isEqualTo(reference + " Gelöst: Printer on fire");
        assertThat(solved.text())
                .contains("Ann hat Ihre Anfrage \"Printer on fire\"")
                .contains("/portal/" + workspace.slug().value() + "/tickets/" + ticket.id());
        assertThat(solved.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(solved.inReplyTo()).isEqualTo(acknowledgement.messageId());
        assertThat(solved.replyTo()).startsWith("support+" + workspace.slug().value() + "-t" + ticket.id() + "-");
        Inbox.Mail copy = awaitMails(colleague, 1).getFirst();
        assertThat(copy.subject()).isEqualTo(reference + " Solved: Printer on fire");
        assertThat(copy.text()).startsWith("Hello " + colleague).contains("Ann has marked your request");
        assertThat(copy.references()).contains(acknowledgement.messageId());

        status(ticket, "Closed", ann);

        assertThat(awaitMails(requester, 3).get(2).subject()).isEqualTo(reference + " Geschlossen: Printer on fire");
        assertThat(awaitMails(colleague, 2).get(1).subject()).isEqualTo(reference + " Closed: Printer on fire");
    }

    @Test
    void anAgentSettingPendingAsksTheRequesterWhoOptedOutContactsHearNothing() {
        String requester = address("jo");
        String quiet = address("optout");
        Ticket ticket = workspace.ticket(ann, "Need the serial", requester, Channel.WEB);
        Ticket other = workspace.ticket(ann, "Do not tell me", quiet, Channel.WEB);
        awaitMails(requester, 1);
        awaitMails(quiet, 1);
        setContact(quiet, "email_updates", false);

        status(other, "Pending", ann);
        status(ticket, "Pending", ann);

        Inbox.Mail pending = awaitMails(requester, 2).get(1);
        assertThat(pending.subject()).isEqualTo("[T-" + ticket.number() + "] We need your reply: Need the serial");
        assertThat(pending.text()).contains("Ann is waiting for your answer");
        assertThat(Inbox.of(quiet)).as("only the acknowledgement").hasSize(1);
        assertThat(jdbc.sql("select count(*) from platform.mail_outbox where recipient = ? and kind = 'ticket-pending'")
                        .param(quiet)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPortalRequesterDuringQuietHoursGetsTheMailWhenTheyEnd() {
        String requester = address("night");
        String userId = UUID.randomUUID().toString();
        Ticket ticket = workspace.ticket(ann, "Late question", requester, Channel.WEB);
        awaitMails(requester, 1);
        setContact(requester, "user_id", userId);
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        jdbc.sql("insert into " + workspace.slug().schemaName() + ".notification_preferences (user_id, quiet_start,"
                        + " quiet_end, time_zone) values (?, ?, ?, 'UTC')")
                .params(userId, now.minusHours(1), now.plusHours(2))
                .update();

        status(ticket, "Resolved", ann);

        Timestamp notBefore = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            relay.drain();
                            return jdbc.sql("select next_attempt_at from platform.mail_outbox where recipient = ?"
                                            + " and kind = 'ticket-solved'")
                                    .param(requester)
                                    .query(Timestamp.class)
                                    .optional()
                                    .orElse(null);
                        },
                        at -> at != null);
        assertThat(notBefore.toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(90)));
        delivery.drain();
        assertThat(Inbox.of(requester)).hasSize(1);
    }

    @Test
    void internalTicketsAndTheRequestersOwnClosingSendNothing() {
        String requester = address("self");
        Ticket ticket = workspace.ticket(ann, "Closing myself", requester, Channel.WEB);
        awaitMails(requester, 1);
        String userId = UUID.randomUUID().toString();
        setContact(requester, "user_id", userId);
        long contactId = jdbc.sql("select id from " + workspace.slug().schemaName() + ".contacts where email = ?")
                .param(requester)
                .query(Long.class)
                .single();
        String internal = address("internal");
        Ticket note = workspace.ticket(ann, "Internal chore", internal, Channel.INTERNAL);

        status(ticket, "Closed", Actor.customer(userId, "Self", contactId));
        status(note, "Resolved", ann);
        status(ticket, "Open", ann);
        status(ticket, "Resolved", ann);

        assertThat(awaitMails(requester, 2).get(1).subject()).contains("Solved: Closing myself");
        assertThat(Inbox.of(requester)).hasSize(2);
        assertThat(jdbc.sql("select count(*) from platform.mail_outbox where recipient = ?")
                        .param(internal)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
