package io.safaridesk.worker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.satisfaction.Rating;
import io.safaridesk.domain.satisfaction.Satisfaction;
import io.safaridesk.domain.satisfaction.SurveySettings;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Survey mail after a solve, through the real status change, survey schedule, mail outbox and SMTP server, read back
 * over IMAP; its link answers the survey through the same facade the anonymous endpoint uses.
 */
@WorkerIntegrationTest
class SatisfactionSurveyIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    SurveySettings settings;

    @Autowired
    Satisfaction satisfaction;

    @Autowired
    SatisfactionSurveys surveys;

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

    private void surveysOn(int delayMinutes) {
        workspace.inTransaction(() -> settings.update(true, delayMinutes, ann));
    }

    private int sweep() {
        return workspace.inTransaction(surveys::sendDue);
    }

    private void status(Ticket ticket, String status) {
        workspace.inTransaction(() -> tickets.changeStatus(ticket.id(), status, null, null, ann));
    }

    private List<String> states(Ticket ticket) {
        return jdbc.sql("select state || coalesce(':' || skip_reason, '') from "
                        + workspace.slug().schemaName() + ".satisfaction_surveys where ticket_id = ? order by id")
                .param(ticket.id())
                .query(String.class)
                .list();
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

    /** The survey mails the requester got, once the solved and closed mails that go with them have arrived too. */
    private List<Inbox.Mail> awaitSurveys(String requester) {
        return awaitMails(requester, 4).stream()
                .filter(mail -> mail.subject().contains("How did we do?"))
                .toList();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@customer.test";
    }

    @Test
    void aSolvedTicketsRequesterGetsOneSurveyAfterTheDelayWhoseLinksRateIt() {
        surveysOn(60);
        String requester = address("jo");
        Ticket ticket = workspace.ticket(ann, "Printer on fire", requester, Channel.EMAIL);
        Inbox.Mail acknowledgement = awaitMails(requester, 1).getFirst();

        status(ticket, "Resolved");
        status(ticket, "Closed");

        assertThat(sweep()).as("not due before the delay").isZero();
        jdbc.sql("update " + workspace.slug().schemaName() + ".satisfaction_surveys"
                        + " set send_after = now() - interval '1 minute' where ticket_id = ?")
                .param(ticket.id())
                .update();
        assertThat(sweep()).isEqualTo(1);
        assertThat(sweep()).as("sent once").isZero();

        Inbox.Mail survey = awaitSurveys(requester).getFirst();
        assertThat(survey.subject()).isEqualTo("[T-" + ticket.number() + "] How did we do? Printer on fire");
        assertThat(survey.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(survey.inReplyTo()).isEqualTo(acknowledgement.messageId());
        Matcher good = Pattern.compile("/portal/" + workspace.slug().value() + "/satisfaction/(\\S+)\\?rating=good")
                .matcher(survey.text());
        assertThat(good.find()).as(survey.text()).isTrue();
        assertThat(survey.text()).contains("/satisfaction/" + good.group(1) + "?rating=bad");
        assertThat(states(ticket)).containsExactly("SENT");

        Satisfaction.SurveyView answered =
                workspace.inTransaction(() -> satisfaction.answer(good.group(1), Rating.of("rating", "good"), null));

        assertThat(answered.ticketReference()).isEqualTo("T-" + ticket.number());
        assertThat(answered.rating()).isEqualTo("GOOD");
        assertThat(awaitSurveys(requester)).as("one survey").hasSize(1);
        assertThat(jdbc.sql("select count(*) from platform.mail_outbox where recipient = ?"
                                + " and kind = 'satisfaction-survey'")
                        .param(requester)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReopenCancelsTheSurveyNotSentAndTheNextSolveIsANewEpisode() {
        surveysOn(60);
        Ticket ticket = workspace.ticket(ann, "Comes back", address("back"), Channel.WEB);

        status(ticket, "Resolved");
        status(ticket, "Open");
        status(ticket, "Resolved");

        assertThat(states(ticket)).containsExactly("CANCELLED", "SCHEDULED");
    }

    @Test
    void surveysOffMailNothing() {
        String requester = address("off");
        Ticket ticket = workspace.ticket(ann, "No survey", requester, Channel.WEB);

        status(ticket, "Resolved");

        assertThat(sweep()).isZero();
        assertThat(states(ticket)).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform.mail_outbox where recipient = ?"
                                + " and kind = 'satisfaction-survey'")
                        .param(requester)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void noSurveyToAContactWhoOptedOutOrToAMailingList() {
        surveysOn(0);
        String quiet = address("optout");
        String list = address("list");
        Ticket optedOut = workspace.ticket(ann, "Do not ask me", quiet, Channel.WEB);
        Ticket listed = workspace.ticket(ann, "From a list", list, Channel.EMAIL);
        jdbc.sql("update " + workspace.slug().schemaName() + ".contacts set email_updates = false where email = ?")
                .param(quiet)
                .update();
        jdbc.sql("insert into " + workspace.slug().schemaName() + ".mail_lists (address) values (?)")
                .param(list)
                .update();

        status(optedOut, "Resolved");
        status(listed, "Resolved");

        assertThat(sweep()).isEqualTo(2);
        assertThat(states(optedOut)).containsExactly("SKIPPED:OPTED_OUT");
        assertThat(states(listed)).containsExactly("SKIPPED:AUTOMATIC_MAIL_REFUSED");
    }
}
