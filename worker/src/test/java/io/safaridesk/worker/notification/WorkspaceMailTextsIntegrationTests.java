package io.safaridesk.worker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.mail.WorkspaceMailTemplates;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A workspace's own mail texts in the mail that really goes out, and an admin's test mail, read back over IMAP. */
@WorkerIntegrationTest
class WorkspaceMailTextsIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    WorkspaceMailTemplates texts;

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
        ann = workspace.agent("Ann", Actor.Role.ADMIN);
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

    @Test
    void theWorkspacesOwnTextInTheContactsLanguageIsSentOthersGetTheShippedOne() {
        workspace.inTransaction(() -> texts.change(
                MailTemplate.TICKET_SOLVED,
                new LanguageTag("de"),
                new MailTemplates.Content(
                        "Erledigt {{ticket.number}}",
                        "<p>Hallo {{recipient.name}}, {{agent.name}} war's.</p>",
                        "Hallo {{recipient.name}}, {{agent.name}} war's. {{ticket.url}}"),
                null,
                ann.userId()));
        String german = "de-" + UUID.randomUUID() + "@customer.test";
        String english = "en-" + UUID.randomUUID() + "@customer.test";
        Ticket first = workspace.ticket(ann, "Kaputt <b>", german, Channel.EMAIL);
        Ticket second = workspace.ticket(ann, "Broken", english, Channel.EMAIL);
        jdbc.sql("update " + workspace.slug().schemaName() + ".contacts set language = 'de-AT' where email = ?")
                .param(german)
                .update();

        workspace.inTransaction(() -> tickets.changeStatus(first.id(), "Resolved", null, null, ann));
        workspace.inTransaction(() -> tickets.changeStatus(second.id(), "Resolved", null, null, ann));

        Inbox.Mail own = awaitMails(german, 2).get(1);
        assertThat(own.subject()).isEqualTo("Erledigt T-" + first.number());
        assertThat(own.text()).startsWith("Hallo Customer Kaputt <b>, Ann war's. http");
        assertThat(awaitMails(english, 2).get(1).subject()).isEqualTo("[T-" + second.number() + "] Solved: Broken");
    }

    @Test
    void anAdminsTestMailArrivesWithExampleValuesMarkedAsATest() {
        String recipient = workspace.inTransaction(() -> texts.sendTest(
                MailTemplate.TICKET_PENDING,
                new LanguageTag("fr"),
                Optional.of(new MailTemplates.Content(
                        "Brouillon {{ticket.number}}", "<p>{{agent.name}}</p>", "Brouillon de {{agent.name}}")),
                ann));

        Inbox.Mail test = awaitMails(recipient, 1).getFirst();
        assertThat(recipient).isEqualTo(workspace.emailOf(ann));
        assertThat(test.subject()).isEqualTo("[Test] Brouillon T-1042");
        assertThat(test.text()).isEqualTo("Brouillon de Ann Agent");
        assertThat(test.autoSubmitted()).isEqualTo("auto-generated");
    }
}
