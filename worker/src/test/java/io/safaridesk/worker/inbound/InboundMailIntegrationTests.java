package io.safaridesk.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.inbound.InboundReviews;
import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.domain.inbound.InboundSettings;
import io.safaridesk.domain.inbound.MailboxDraft;
import io.safaridesk.domain.inbound.Mailboxes;
import io.safaridesk.domain.inbound.NonParticipantAction;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.Mailer;
import io.safaridesk.worker.testing.TenantRegistry;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Inbound mail end to end: mail written with Jakarta Mail over SMTP to the real mail server, read by the worker's
 * mailbox readers over IMAP, taken into real PostgreSQL; the answers go out through the outbox, RabbitMQ and SMTP.
 */
@WorkerIntegrationTest
@DirtiesContext // a context of its own (readers on): closed after the class, so its connections go back
class InboundMailIntegrationTests {

    static final String CATCH_ALL = "inbound-catchall@platform.test";

    @DynamicPropertySource
    static void readers(DynamicPropertyRegistry registry) {
        registry.add("safaridesk.inbound.enabled", () -> "true");
        registry.add("safaridesk.inbound.refresh-interval", () -> "300ms");
        registry.add("safaridesk.inbound.poll-interval", () -> "300ms");
        registry.add("safaridesk.inbound.max-idle", () -> "2s");
        registry.add(
                "safaridesk.inbound.catch-all.host",
                () -> TestServices.endpoints().mail().imapHost());
        registry.add(
                "safaridesk.inbound.catch-all.port",
                () -> TestServices.endpoints().mail().imapPort());
        registry.add("safaridesk.inbound.catch-all.tls", () -> "false");
        registry.add("safaridesk.inbound.catch-all.username", () -> CATCH_ALL);
        registry.add("safaridesk.inbound.catch-all.password", () -> "any");
        registry.add("safaridesk.inbound.catch-all.address", () -> CATCH_ALL);
    }

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    InboundSettings inboundSettings;

    @Autowired
    TicketConversation conversation;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailDelivery delivery;

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InboundReviews reviews;

    @Autowired
    ReviewRetention retention;

    @Autowired
    ApplicationContext context;

    final List<WorkerTestWorkspace> made = new ArrayList<>();
    WorkerTestWorkspace workspace;
    String help;
    Actor ann;

    @BeforeEach
    void workspaceWithAMailbox() {
        workspace = workspaces.create();
        help = mailboxOf(workspace);
        ann = workspace.agent("Ann", Actor.Role.ADMIN);
    }

    /** Stops the readers of this test's mailboxes (the machine's database outlives the test). */
    @AfterEach
    void disableMailboxes() {
        for (WorkerTestWorkspace space : made) {
            jdbc.sql("update " + space.slug().schemaName() + ".mailboxes set enabled = false")
                    .update();
        }
        made.clear();
    }

    /** A mailbox on the test mail server for the workspace, its address also the workspace's reply-to. */
    private String mailboxOf(WorkerTestWorkspace space) {
        String address = "help-" + space.slug().value() + "@" + space.slug().value() + ".test";
        space.inTransaction(() -> mailboxes.create(new MailboxDraft(
                "Help",
                address,
                TestServices.endpoints().mail().imapHost(),
                TestServices.endpoints().mail().imapPort(),
                false,
                address,
                "any-password",
                "INBOX",
                true,
                null)));
        jdbc.sql("insert into " + space.slug().schemaName() + ".workspace_settings (name, email_reply_to)"
                        + " values (?, ?) on conflict (id) do update set email_reply_to = excluded.email_reply_to")
                .params(space.slug().value(), address)
                .update();
        TenantRegistry.active(jdbc, space.slug());
        made.add(space);
        return address;
    }

    record Logged(InboundRule rule, Long ticketId, Long ticketMessageId, Long relatedTicketId, String rawKey) {}

    private Logged awaitLogged(WorkerTestWorkspace space, String messageId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> logged(space, messageId), list -> !list.isEmpty())
                .getFirst();
    }

    private List<Logged> logged(WorkerTestWorkspace space, String messageId) {
        return jdbc.sql("select rule, ticket_id, ticket_message_id, related_ticket_id, raw_storage_key from "
                        + space.slug().schemaName() + ".inbound_mails where message_id = ? order by id")
                .param(messageId)
                .query((rs, row) -> new Logged(
                        InboundRule.valueOf(rs.getString(1)),
                        (Long) rs.getObject(2),
                        (Long) rs.getObject(3),
                        (Long) rs.getObject(4),
                        rs.getString(5)))
                .list();
    }

    private long count(WorkerTestWorkspace space, String table) {
        return jdbc.sql("select count(*) from " + space.slug().schemaName() + "." + table)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> message(WorkerTestWorkspace space, long messageId) {
        return jdbc.sql("select ticket_id, visibility, author_agent_id, author_contact_id, body_text, channel from "
                        + space.slug().schemaName() + ".ticket_messages where id = ?")
                .param(messageId)
                .query()
                .singleRow();
    }

    private long contactOf(WorkerTestWorkspace space, String email) {
        return jdbc.sql("select id from " + space.slug().schemaName() + ".contacts where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
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

    private static String customer() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    }

    @Test
    void aCustomersMailOpensATicketAndTheThreadGoesOnBothWays() {
        String customer = customer();
        byte[] pdf = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        String first = Mailer.from("Carla Customer <" + customer + ">")
                .to(help)
                .subject("Printer on fire")
                .text("The printer is on fire.\n\nCarla")
                .html("<p>The printer is <b>on fire</b>.</p><p><img src=\"cid:photo\"></p>")
                .file("invoice.pdf", "application/pdf", pdf, null)
                .file("photo.png", "image/png", png, "photo")
                .send();

        Logged opened = awaitLogged(workspace, first);
        assertThat(opened.rule()).isEqualTo(InboundRule.NEW_TICKET);
        long ticketId = opened.ticketId();
        Map<String, Object> ticket = jdbc.sql("select channel, subject, requester_id from "
                        + workspace.slug().schemaName() + ".tickets where id = ?")
                .param(ticketId)
                .query()
                .singleRow();
        assertThat(ticket).containsEntry("channel", "EMAIL").containsEntry("subject", "Printer on fire");
        assertThat(ticket.get("requester_id")).isEqualTo(contactOf(workspace, customer));
        assertThat(jdbc.sql("select filename from " + workspace.slug().schemaName()
                                + ".ticket_attachments where ticket_id = ? order by filename")
                        .param(ticketId)
                        .query(String.class)
                        .list())
                .containsExactly("invoice.pdf", "photo.png");
        assertThat(new String(files.get(workspace.slug(), opened.rawKey()).orElseThrow(), StandardCharsets.UTF_8))
                .as("the original MIME is kept")
                .contains("Message-ID: " + first)
                .contains("invoice.pdf");

        Inbox.Mail acknowledgement = awaitMails(customer, 1).getFirst();
        assertThat(acknowledgement.inReplyTo()).isEqualTo(first);

        workspace.inTransaction(() -> conversation.reply(
                ticketId, new TicketConversation.Draft("body", "<p>Use the extinguisher.</p>", Channel.API), ann));
        Inbox.Mail answer = awaitMails(customer, 2).get(1);
        assertThat(answer.inReplyTo()).isEqualTo(acknowledgement.messageId());
        assertThat(answer.references()).contains(first, acknowledgement.messageId());
        assertThat(answer.replyTo())
                .startsWith("help-" + workspace.slug().value() + "+"
                        + workspace.slug().value() + "-t" + ticketId + "-");

        String reply = Mailer.from(customer)
                .to(answer.replyTo())
                .subject("Re: " + answer.subject())
                .text("It worked, thanks!\n\nOn Mon, 2 Dec 2024 at 10:15, Ann wrote:\n> Use the extinguisher.\n")
                .inReplyTo(answer.messageId(), first + " " + answer.messageId())
                .send();
        Logged continued = awaitLogged(workspace, reply);
        assertThat(continued.rule()).isEqualTo(InboundRule.IN_REPLY_TO);
        assertThat(continued.ticketId()).isEqualTo(ticketId);
        Map<String, Object> stored = message(workspace, continued.ticketMessageId());
        assertThat(stored)
                .containsEntry("visibility", "PUBLIC")
                .containsEntry("channel", "EMAIL")
                .containsEntry("author_contact_id", contactOf(workspace, customer));
        assertThat((String) stored.get("body_text"))
                .as("the quote is cut")
                .contains("It worked, thanks!")
                .doesNotContain("extinguisher", "wrote");

        String noHeaders = Mailer.from(customer)
                .to(answer.replyTo())
                .subject("Another thing")
                .text("My client dropped the thread headers.")
                .send();
        assertThat(awaitLogged(workspace, noHeaders))
                .extracting(Logged::rule, Logged::ticketId)
                .containsExactly(InboundRule.PLUS_ADDRESS, ticketId);

        long number = jdbc.sql("select number from " + workspace.slug().schemaName() + ".tickets where id = ?")
                .param(ticketId)
                .query(Long.class)
                .single();
        String bySubject = Mailer.from(customer)
                .to(help)
                .subject("Re: [#T-" + number + "] Printer on fire")
                .text("Only the number is left.")
                .send();
        assertThat(awaitLogged(workspace, bySubject))
                .extracting(Logged::rule, Logged::ticketId)
                .containsExactly(InboundRule.SUBJECT_NUMBER, ticketId);
        assertThat(count(workspace, "tickets")).isEqualTo(1);
    }

    @Test
    void aCcdPersonsReplyLandsOnTheTicketAsTheirs() {
        String customer = customer();
        String colleague = customer();
        String first = Mailer.from(customer)
                .to(help)
                .cc("Colin Colleague <" + colleague + ">")
                .subject("VPN down")
                .text("VPN is down for both of us.")
                .send();
        long ticketId = awaitLogged(workspace, first).ticketId();

        String reply = Mailer.from(colleague)
                .to(help, customer)
                .subject("Re: VPN down")
                .text("Same here, since 9:00.\n\n-- \nColin")
                .inReplyTo(first, first)
                .send();
        Logged logged = awaitLogged(workspace, reply);
        assertThat(logged.rule()).isEqualTo(InboundRule.IN_REPLY_TO);
        assertThat(logged.ticketId()).isEqualTo(ticketId);
        Map<String, Object> stored = message(workspace, logged.ticketMessageId());
        assertThat(stored)
                .containsEntry("visibility", "PUBLIC")
                .containsEntry("author_contact_id", contactOf(workspace, colleague));
        assertThat((String) stored.get("body_text")).contains("Same here").doesNotContain("Colin");
    }

    @Test
    void aStrangersReplyBecomesALinkedTicketOrANoteAsTheWorkspaceChose() {
        String customer = customer();
        String first = Mailer.from(customer)
                .to(help)
                .subject("Refund")
                .text("I want a refund.")
                .send();
        long ticketId = awaitLogged(workspace, first).ticketId();

        String stranger = customer();
        String intrusion = Mailer.from(stranger)
                .to(help)
                .subject("Re: Refund")
                .text("Me too!")
                .inReplyTo(first, first)
                .send();
        Logged linked = awaitLogged(workspace, intrusion);
        assertThat(linked.rule()).isEqualTo(InboundRule.NON_PARTICIPANT_NEW_TICKET);
        assertThat(linked.ticketId()).isNotEqualTo(ticketId);
        assertThat(linked.relatedTicketId()).isEqualTo(ticketId);
        assertThat(jdbc.sql("select linked_ticket_id from " + workspace.slug().schemaName()
                                + ".ticket_links where ticket_id = ? and kind = 'NON_PARTICIPANT_REPLY'")
                        .param(linked.ticketId())
                        .query(Long.class)
                        .single())
                .isEqualTo(ticketId);
        assertThat(jdbc.sql("select count(*) from " + workspace.slug().schemaName()
                                + ".ticket_messages where ticket_id = ?")
                        .param(ticketId)
                        .query(Long.class)
                        .single())
                .as("nothing landed silently on the original ticket")
                .isZero();

        workspace.inTransaction(() -> inboundSettings.change(NonParticipantAction.NOTE, null, null));
        String second = Mailer.from(stranger)
                .to(help)
                .subject("Re: Refund")
                .text("Still me.")
                .inReplyTo(first, first)
                .send();
        Logged noted = awaitLogged(workspace, second);
        assertThat(noted.rule()).isEqualTo(InboundRule.NON_PARTICIPANT_NOTE);
        assertThat(noted.ticketId()).isEqualTo(ticketId);
        assertThat(message(workspace, noted.ticketMessageId())).containsEntry("visibility", "INTERNAL");
    }

    @Test
    void anAgentsReplyToANotificationBecomesTheirPublicReply() {
        Actor bob = workspace.agent("Bob", Actor.Role.AGENT);
        String bobEmail = workspace.emailOf(bob);
        String customer = customer();
        Ticket ticket = workspace.ticket(ann, "Server down", customer, Channel.API);
        String notificationRoot =
                "<ticket-" + ticket.id() + "." + workspace.slug().value() + "@safaridesk.local>";

        String reply = Mailer.from(bobEmail)
                .to(help)
                .subject("Re: [T-" + ticket.number() + "] new reply: Server down")
                .text("Rebooted it, should be fine now.\n\nOn Tue, Ann wrote:\n> please look")
                .inReplyTo(notificationRoot, notificationRoot)
                .send();
        Logged logged = awaitLogged(workspace, reply);
        assertThat(logged.rule()).isEqualTo(InboundRule.AGENT_REPLY);
        assertThat(logged.ticketId()).isEqualTo(ticket.id());
        Map<String, Object> stored = message(workspace, logged.ticketMessageId());
        assertThat(stored).containsEntry("visibility", "PUBLIC").containsEntry("author_agent_id", bob.agentId());
        assertThat((String) stored.get("body_text")).isEqualTo("Rebooted it, should be fine now.");

        List<Inbox.Mail> toCustomer = awaitMails(customer, 2);
        assertThat(toCustomer)
                .as("the acknowledgement and the reply, in the order their events were handled")
                .anySatisfy(mail -> assertThat(mail.text()).contains("Rebooted it"));
    }

    @Test
    void autoRepliesBouncesOwnMailAndFloodsCreateNothing() {
        String customer = customer();
        String outOfOffice = Mailer.from(customer)
                .to(help)
                .subject("Out of office: Printer")
                .text("I am away until Monday.")
                .header("Auto-Submitted", "auto-replied")
                .send();
        String bounce = Mailer.from("MAILER-DAEMON@mx.customer.test")
                .to(help)
                .subject("Undelivered Mail Returned to Sender")
                .text("This is the mail system. Your message could not be delivered.")
                .send();
        String own = Mailer.from("support@safaridesk.local")
                .to(help)
                .subject("[T-1] assigned to you")
                .text("our own notification came back")
                .send();
        String fromOurMailbox =
                Mailer.from(help).to(help).subject("loop").text("loop").send();
        assertThat(awaitLogged(workspace, outOfOffice).rule()).isEqualTo(InboundRule.REFUSED_AUTO_SUBMITTED);
        assertThat(awaitLogged(workspace, bounce).rule()).isEqualTo(InboundRule.REFUSED_BOUNCE);
        assertThat(awaitLogged(workspace, own).rule()).isEqualTo(InboundRule.REFUSED_OWN_ADDRESS);
        assertThat(awaitLogged(workspace, fromOurMailbox).rule()).isEqualTo(InboundRule.REFUSED_OWN_ADDRESS);
        assertThat(count(workspace, "tickets")).isZero();

        workspace.inTransaction(() -> inboundSettings.change(null, 3, null));
        String flooder = customer();
        List<String> flood = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> Mailer.from(flooder)
                        .to(help)
                        .subject("Buy now " + i)
                        .text("spam " + i)
                        .send())
                .toList();
        List<InboundRule> rules =
                flood.stream().map(id -> awaitLogged(workspace, id).rule()).toList();
        assertThat(rules)
                .containsExactly(
                        InboundRule.NEW_TICKET,
                        InboundRule.NEW_TICKET,
                        InboundRule.NEW_TICKET,
                        InboundRule.HELD_FOR_REVIEW,
                        InboundRule.HELD_FOR_REVIEW,
                        InboundRule.HELD_FOR_REVIEW);
        assertThat(count(workspace, "tickets")).isEqualTo(3);
        assertThat(jdbc.sql("select reason from " + workspace.slug().schemaName() + ".inbound_reviews")
                        .query(String.class)
                        .list())
                .as("the flood waits for an admin")
                .containsExactly("FLOOD", "FLOOD", "FLOOD");
        assertThat(jdbc.sql("select title from " + workspace.slug().schemaName() + ".notifications where"
                                + " recipient_user_id = ? and kind = 'mail_held_for_review' order by id desc limit 1")
                        .param(ann.userId())
                        .query(String.class)
                        .single())
                .as("the admin hears how many wait")
                .isEqualTo("3 mails wait for review");
    }

    @Test
    void mailToOneWorkspaceNeverLandsOnAnothersTicket() {
        WorkerTestWorkspace other = workspaces.create();
        String otherHelp = mailboxOf(other);
        String customer = customer();
        String otherFirst = Mailer.from(customer)
                .to(otherHelp)
                .subject("Theirs")
                .text("other workspace")
                .send();
        Logged theirs = awaitLogged(other, otherFirst);
        long theirNumber = jdbc.sql("select number from " + other.slug().schemaName() + ".tickets where id = ?")
                .param(theirs.ticketId())
                .query(Long.class)
                .single();
        String signedTheirs = awaitMails(customer, 1).getFirst().replyTo();
        String theirToken = signedTheirs.substring(signedTheirs.indexOf('+') + 1, signedTheirs.indexOf('@'));
        assertThat(theirToken).startsWith(other.slug().value() + "-t" + theirs.ticketId() + "-");

        // to this workspace's mailbox only, carrying everything of the other's: its signed token, number, Message-ID
        String crossing = Mailer.from(customer)
                .to(help.replace("@", "+" + theirToken + "@"))
                .subject("Re: [#T-" + theirNumber + "] Theirs")
                .text("I quote everything of the other workspace.")
                .inReplyTo(otherFirst, otherFirst)
                .send();
        Logged landed = awaitLogged(workspace, crossing);
        assertThat(landed.rule()).isEqualTo(InboundRule.NEW_TICKET);
        assertThat(count(workspace, "tickets")).isEqualTo(1);
        assertThat(count(other, "ticket_messages"))
                .as("the other workspace's ticket is untouched")
                .isZero();
        assertThat(logged(other, crossing)).isEmpty();
    }

    @Test
    void theSameMailArrivingTwiceIsTakenInOnce() {
        String customer = customer();
        String id = "<" + UUID.randomUUID() + "@client.test>";
        Mailer.from(customer)
                .to(help)
                .subject("Twice")
                .text("sent twice")
                .messageId(id)
                .send();
        Mailer.from(customer)
                .to(help)
                .subject("Twice")
                .text("sent twice")
                .messageId(id)
                .send();

        List<Logged> entries = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> logged(workspace, id), list -> list.size() >= 2);
        assertThat(entries).extracting(Logged::rule).containsExactly(InboundRule.NEW_TICKET, InboundRule.DUPLICATE);
        assertThat(count(workspace, "tickets")).isEqualTo(1);
    }

    @Test
    void aMailThatCannotBeTakenInIsKeptAndTheMailboxGoesOn() {
        String broken = "<" + UUID.randomUUID() + "@broken.test>";
        Mailer.sendRaw(
                help,
                ("From: someone@customer.test\r\nTo: " + help + "\r\nSubject: broken\r\nMessage-ID: " + broken
                                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nowhere\"\r\n"
                                + "\r\nno part starts here\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        String after = Mailer.from(customer())
                .to(help)
                .subject("After the broken one")
                .text("Still read")
                .send();

        assertThat(awaitLogged(workspace, after).rule()).isEqualTo(InboundRule.NEW_TICKET);
        Map<String, Object> failed = jdbc.sql("select rule, raw_storage_key, detail from "
                        + workspace.slug().schemaName() + ".inbound_mails where rule = 'FAILED'")
                .query()
                .singleRow();
        assertThat((String) failed.get("detail")).contains("MIME");
        assertThat(new String(
                        files.get(workspace.slug(), (String) failed.get("raw_storage_key"))
                                .orElseThrow(),
                        StandardCharsets.US_ASCII))
                .as("the mail is kept whole for an operator")
                .contains(broken, "no part starts here");
        assertThat(jdbc.sql("select last_uid from " + workspace.slug().schemaName() + ".mailboxes")
                        .query(Long.class)
                        .single())
                .as("reading resumes after both")
                .isEqualTo(2);
    }

    @Test
    void theCatchAllRoutesByPlusTokenAndKeepsWhatNamesNoWorkspace() {
        String customer = customer();
        String opening = Mailer.from(customer)
                .to(CATCH_ALL.replace("@", "+" + workspace.slug().value() + "@"))
                .subject("Through the platform")
                .text("Hello via the catch-all.")
                .send();
        Logged opened = awaitLogged(workspace, opening);
        assertThat(opened.rule()).isEqualTo(InboundRule.NEW_TICKET);

        String signed = awaitMails(customer, 1).getFirst().replyTo();
        String tokened = Mailer.from(customer)
                .to(CATCH_ALL.replace("@", signed.substring(signed.indexOf('+'), signed.indexOf('@')) + "@"))
                .subject("no thread headers")
                .text("Replying through the catch-all.")
                .send();
        assertThat(awaitLogged(workspace, tokened))
                .extracting(Logged::rule, Logged::ticketId)
                .containsExactly(InboundRule.PLUS_ADDRESS, opened.ticketId());

        String nowhere = Mailer.from(customer)
                .to(CATCH_ALL.replace("@", "+no-such-workspace-t1-abcdefghij@"))
                .subject("lost?")
                .text("Names no workspace.")
                .send();
        String reason = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("select reason from platform.inbound_unroutable where message_id = ?")
                                .param(nowhere)
                                .query(String.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(reason).contains("no workspace");
    }

    private static byte[] fixture(String name, Map<String, String> replacements) {
        try (var in = InboundMailIntegrationTests.class.getResourceAsStream("/mail/" + name + ".eml")) {
            String mail = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                mail = mail.replace(replacement.getKey(), replacement.getValue());
            }
            return mail.getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueId() {
        return "<" + UUID.randomUUID() + "@fixture.test>";
    }

    private long outboxTo(String recipient) {
        relay.drain();
        return jdbc.sql("select count(*) from platform.mail_outbox where lower(recipient) = lower(?)")
                .param(recipient)
                .query(Long.class)
                .single();
    }

    @Test
    void aPersonsMailThroughAListOpensATicketButNothingAutomaticAnswersIt() {
        String listed = uniqueId();
        Mailer.sendRaw(
                help,
                fixture(
                        "google-groups-rewritten-from",
                        Map.of("<CAAlice1@mail.gmail.com>", listed, "support@acme.example", help)));
        Logged opened = awaitLogged(workspace, listed);
        assertThat(opened.rule()).isEqualTo(InboundRule.NEW_TICKET);
        assertThat(jdbc.sql("select c.email from " + workspace.slug().schemaName() + ".tickets t join "
                                + workspace.slug().schemaName() + ".contacts c on c.id = t.requester_id where t.id = ?")
                        .param(opened.ticketId())
                        .query(String.class)
                        .single())
                .as("the writer, not the list, is the requester")
                .isEqualTo("alice@example.org");

        String control = customer();
        Mailer.from(control).to(help).subject("Control").text("A direct mail.").send();
        awaitMails(control, 1);
        assertThat(outboxTo("alice@example.org"))
                .as("no acknowledgement of list mail")
                .isZero();
        assertThat(outboxTo("support-group@googlegroups.example"))
                .as("nothing to the list")
                .isZero();
        assertThat(jdbc.sql("select count(*) from " + workspace.slug().schemaName()
                                + ".mail_lists where address = 'support-group@googlegroups.example'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String bulk = uniqueId();
        Mailer.sendRaw(help, fixture("newsletter-precedence-bulk", Map.of("<news-2024-12@vendor.example>", bulk)));
        assertThat(awaitLogged(workspace, bulk).rule()).isEqualTo(InboundRule.REFUSED_BULK);
    }

    @Test
    void reportsAreLoggedAndNeverTouchATicket() {
        String customer = customer();
        String first = Mailer.from(customer)
                .to(help)
                .subject("Receipts")
                .text("Please answer.")
                .send();
        long ticketId = awaitLogged(workspace, first).ticketId();
        Inbox.Mail acknowledgement = awaitMails(customer, 1).getFirst();
        jdbc.sql("update " + workspace.slug().schemaName() + ".tickets set status_id = (select id from "
                        + workspace.slug().schemaName() + ".ticket_statuses where category = 'CLOSED' limit 1)"
                        + " where id = ?")
                .param(ticketId)
                .update();

        Map<String, InboundRule> reports = Map.of(
                "mdn-thunderbird-read-receipt", InboundRule.REFUSED_REPORT,
                "mdn-outlook-read-receipt", InboundRule.REFUSED_REPORT,
                "arf-abuse-feedback-report", InboundRule.REFUSED_REPORT,
                "dsn-postfix-bounce", InboundRule.REFUSED_BOUNCE);
        for (Map.Entry<String, InboundRule> report : reports.entrySet()) {
            String id = uniqueId();
            Mailer.sendRaw(
                    help,
                    fixture(
                            report.getKey(),
                            Map.of(
                                    "<" + report.getKey() + "@reports.example>",
                                    id,
                                    "<ack-1@safaridesk.example>",
                                    acknowledgement.messageId(),
                                    "carla@customer.example",
                                    customer)));
            assertThat(awaitLogged(workspace, id).rule()).as(report.getKey()).isEqualTo(report.getValue());
        }
        assertThat(count(workspace, "ticket_messages")).as("no comment").isZero();
        assertThat(count(workspace, "tickets")).as("nothing reopened or opened").isEqualTo(1);
        assertThat(jdbc.sql("select s.category from " + workspace.slug().schemaName() + ".tickets t join "
                                + workspace.slug().schemaName() + ".ticket_statuses s on s.id = t.status_id")
                        .query(String.class)
                        .single())
                .isEqualTo("CLOSED");
    }

    @Test
    void ourOwnMailComingBackRewrittenByAListIsRecognised() {
        String customer = customer();
        Mailer.from(customer).to(help).subject("Loop me").text("Hello").send();
        Inbox.Mail acknowledgement = awaitMails(customer, 1).getFirst();

        // a list reflected our acknowledgement: From rewritten, Auto-Submitted and our origin header dropped
        String back = Mailer.from("'Support' via Customers <customers@googlegroups.example>")
                .to(help)
                .subject(acknowledgement.subject())
                .text("We received your request.")
                .header("X-Original-From", "Unknown <someone@else.example>")
                .header("List-Id", "<customers.googlegroups.example>")
                .messageId(acknowledgement.messageId())
                .send();
        Logged logged = awaitLogged(workspace, back);
        assertThat(logged.rule()).isEqualTo(InboundRule.REFUSED_OWN_MAIL);
        assertThat(count(workspace, "tickets")).isEqualTo(1);
        assertThat(count(workspace, "ticket_messages")).isZero();
    }

    @Test
    void twoWorkspacesMailingEachOtherStopAfterOneRound() {
        WorkerTestWorkspace other = workspaces.create();
        String otherHelp = mailboxOf(other);
        String opening = Mailer.from(otherHelp)
                .to(help)
                .subject("From one desk to another")
                .text("A person at the other desk writes to us.")
                .send();
        assertThat(awaitLogged(workspace, opening).rule()).isEqualTo(InboundRule.NEW_TICKET);
        awaitMails(otherHelp, 1);

        List<Logged> atTheOther = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> jdbc.sql("select rule from " + other.slug().schemaName() + ".inbound_mails")
                                .query((rs, row) ->
                                        new Logged(InboundRule.valueOf(rs.getString(1)), null, null, null, null))
                                .list(),
                        list -> !list.isEmpty());
        assertThat(atTheOther)
                .extracting(Logged::rule)
                .as("our acknowledgement is machine mail there")
                .containsExactly(InboundRule.REFUSED_AUTO_SUBMITTED);
        assertThat(count(other, "tickets")).isZero();
        assertThat(outboxTo(help)).as("nothing comes back to us").isZero();
        assertThat(count(workspace, "tickets")).isEqualTo(1);
    }

    @Test
    void aForwardThreadsByTheIdsOfTheMessageItForwards() {
        String customer = customer();
        String first = Mailer.from(customer)
                .to(help)
                .subject("Forward me")
                .text("Original")
                .send();
        long ticketId = awaitLogged(workspace, first).ticketId();
        Inbox.Mail acknowledgement = awaitMails(customer, 1).getFirst();

        String attached = uniqueId();
        Mailer.sendRaw(
                help,
                fixture(
                        "outlook-forward-as-attachment",
                        Map.of(
                                "<fwd-att-1@contoso.example>",
                                attached,
                                "karl@contoso.example",
                                customer,
                                "<reply-7@safaridesk.example>",
                                acknowledgement.messageId(),
                                "support+acme-t42-bduvnyd54t@acme.example",
                                "nobody@nowhere.example",
                                "[#T-42] ",
                                "")));
        Logged byAttachment = awaitLogged(workspace, attached);
        assertThat(byAttachment)
                .extracting(Logged::rule, Logged::ticketId)
                .containsExactly(InboundRule.FORWARDED, ticketId);
        assertThat(jdbc.sql("select filename from " + workspace.slug().schemaName()
                                + ".ticket_attachments where message_id = ?")
                        .param(byAttachment.ticketMessageId())
                        .query(String.class)
                        .list())
                .as("the forwarded mail is kept as a file")
                .containsExactly("Printer on fire.eml");

        String inline = uniqueId();
        Mailer.sendRaw(
                help,
                fixture(
                        "gmail-forward-inline",
                        Map.of(
                                "<CAHfwd=1@mail.gmail.com>",
                                inline,
                                "carla@customer.example",
                                customer,
                                "support+acme-t42-bduvnyd54t@acme.example",
                                acknowledgement.replyTo(),
                                "[#T-42] ",
                                "")));
        Logged byInline = awaitLogged(workspace, inline);
        assertThat(byInline)
                .extracting(Logged::rule, Logged::ticketId)
                .containsExactly(InboundRule.FORWARDED, ticketId);
        assertThat((String) message(workspace, byInline.ticketMessageId()).get("body_text"))
                .as("the forwarded content is kept")
                .contains("still on fire", "We received your request");
    }

    @Test
    void everySubjectTokenIsTriedAndEncodedSubjectsAreDecodedFirst() {
        String customer = customer();
        String first = Mailer.from(customer)
                .to(help)
                .subject("Tokens")
                .text("Original")
                .send();
        long ticketId = awaitLogged(workspace, first).ticketId();
        long number = jdbc.sql("select number from " + workspace.slug().schemaName() + ".tickets where id = ?")
                .param(ticketId)
                .query(Long.class)
                .single();
        String subject = "Re: [#T-987654] [#T-" + number + "] Drucker brennt – dringend";
        String encoded = "=?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
        String id = uniqueId();
        Mailer.sendRaw(
                help,
                ("From: " + customer + "\r\nTo: " + help + "\r\nSubject: " + encoded + "\r\nMessage-ID: " + id
                                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nStill"
                                + " burning.\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(awaitLogged(workspace, id))
                .extracting(Logged::rule, Logged::ticketId)
                .containsExactly(InboundRule.SUBJECT_NUMBER, ticketId);
    }

    @Test
    void mailAPersonMayDisagreeWithWaitsForReview() {
        String customer = customer();
        String first = Mailer.from(customer)
                .to(help)
                .subject("Closed one")
                .text("Original")
                .send();
        long ticketId = awaitLogged(workspace, first).ticketId();
        jdbc.sql("update " + workspace.slug().schemaName() + ".tickets set status_id = (select id from "
                        + workspace.slug().schemaName() + ".ticket_statuses where category = 'CLOSED' limit 1)"
                        + " where id = ?")
                .param(ticketId)
                .update();

        String stranger = Mailer.from(customer())
                .to(help)
                .subject("Re: Closed one")
                .text("I have the same problem.")
                .inReplyTo(first, first)
                .send();
        String suspected = uniqueId();
        Mailer.sendRaw(
                help,
                fixture("outlook-automatic-reply-de-without-headers", Map.of("<ooo-de@firma.example>", suspected)));

        assertThat(awaitLogged(workspace, stranger).rule()).isEqualTo(InboundRule.HELD_FOR_REVIEW);
        assertThat(awaitLogged(workspace, suspected).rule()).isEqualTo(InboundRule.HELD_FOR_REVIEW);
        assertThat(jdbc.sql("select reason || ':' || coalesce(ticket_id::text, '-') from "
                                + workspace.slug().schemaName() + ".inbound_reviews order by id")
                        .query(String.class)
                        .list())
                .containsExactly("NON_PARTICIPANT_ON_CLOSED_TICKET:" + ticketId, "SUSPECTED_AUTO_REPLY:-");
        assertThat(jdbc.sql("select detail from " + workspace.slug().schemaName()
                                + ".inbound_mails where message_id = ?")
                        .param(stranger)
                        .query(String.class)
                        .single())
                .as("the log names the rule's reason")
                .contains("closed ticket", "threaded by IN_REPLY_TO");
        assertThat(count(workspace, "tickets")).isEqualTo(1);
        assertThat(count(workspace, "ticket_messages")).isZero();
    }

    /** What {@code safaridesk mail ...} answered: the worker's operator endpoint runs exactly this. */
    record Cli(int exitCode, String out, String err) {}

    private Cli mailCommand(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MailCli.run(
                context,
                java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new),
                new PrintWriter(out),
                new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    private long awaitUnroutable(String messageId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> jdbc.sql("select id from platform.inbound_unroutable where message_id = ?")
                                .param(messageId)
                                .query(Long.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private List<String> attachmentsOf(WorkerTestWorkspace space, long ticketId, Long messageId) {
        return jdbc.sql("select filename from " + space.slug().schemaName() + ".ticket_attachments where ticket_id = ?"
                        + " and message_id is not distinct from ? order by filename")
                .params(ticketId, messageId)
                .query(String.class)
                .list();
    }

    private String detailOf(WorkerTestWorkspace space, String messageId, InboundRule rule) {
        return jdbc.sql("select detail from " + space.slug().schemaName() + ".inbound_mails where message_id = ?"
                        + " and rule = ?")
                .params(messageId, rule.name())
                .query(String.class)
                .single();
    }

    private void close(WorkerTestWorkspace space, long ticketId) {
        jdbc.sql("update " + space.slug().schemaName() + ".tickets set status_id = (select id from "
                        + space.slug().schemaName() + ".ticket_statuses where category = 'CLOSED' limit 1)"
                        + " where id = ?")
                .param(ticketId)
                .update();
    }

    @Test
    void unroutableMailIsKeptAsLongAsAWorkspaceKeepsHeldMail() {
        String stale = Mailer.from(customer())
                .to(CATCH_ALL.replace("@", "+nobody-old@"))
                .subject("Long ago")
                .text("Anyone?")
                .send();
        String recent = Mailer.from(customer())
                .to(CATCH_ALL.replace("@", "+nobody-new@"))
                .subject("Just now")
                .text("Anyone?")
                .send();
        awaitUnroutable(recent);
        jdbc.sql("update platform.inbound_unroutable set received_at = now() - interval '31 days' where id = ?")
                .param(awaitUnroutable(stale))
                .update();

        retention.purge();

        assertThat(unroutable(stale)).as("past the 30 days").isZero();
        assertThat(unroutable(recent)).as("within them").isOne();
    }

    private long unroutable(String messageId) {
        return jdbc.sql("select count(*) from platform.inbound_unroutable where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    @Test
    void listMailThatAnOperatorReleasesIsStillAnsweredByNothingAutomatic() {
        String listed = uniqueId();
        String nobody = CATCH_ALL.replace("@", "+nobody-listed@");
        Mailer.sendRaw(
                CATCH_ALL, // the envelope to the base mailbox, as a server with subaddressing delivers it
                fixture(
                        "google-groups-rewritten-from",
                        Map.of("<CAAlice1@mail.gmail.com>", listed, "support@acme.example", nobody)));
        long unroutable = awaitUnroutable(listed);

        Cli released = mailCommand(
                "unroutable",
                "release",
                unroutable,
                "--workspace",
                workspace.slug().value());

        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(logged(workspace, listed).getFirst().ticketId()).isNotNull();
        String control = customer();
        Mailer.from(control).to(help).subject("Control").text("A direct mail.").send();
        awaitMails(control, 1);
        assertThat(outboxTo("alice@example.org"))
                .as("no acknowledgement of list mail")
                .isZero();
        assertThat(outboxTo("support-group@googlegroups.example"))
                .as("nothing to the list")
                .isZero();
    }

    @Test
    void anOperatorReleasesUnroutableMailIntoTheWorkspaceItNamesAndNoOther() {
        WorkerTestWorkspace other = workspaces.create();
        TenantRegistry.active(jdbc, other.slug());
        String customer = customer();
        byte[] pdf = "%PDF-1.4\n%order\n".getBytes(StandardCharsets.US_ASCII);
        String lost = Mailer.from("Lou Lost <" + customer + ">")
                .to(CATCH_ALL.replace("@", "+nobody-here@"))
                .subject("Lost order " + UUID.randomUUID())
                .text("Where is my order?")
                .file("order.pdf", "application/pdf", pdf, null)
                .send();
        long lostId = awaitUnroutable(lost);
        String later = Mailer.from(customer)
                .to(CATCH_ALL.replace("@", "+nobody-either@"))
                .subject("Still lost")
                .text("Me again, with more.")
                .send();
        long laterId = awaitUnroutable(later);

        Cli first = mailCommand("unroutable", "list", "--limit", 1);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .as("newest first, with its reason, paged")
                .startsWith(laterId + " ")
                .contains("Still lost", "no workspace named", "more: --before " + laterId);
        assertThat(mailCommand("unroutable", "list", "--before", laterId, "--limit", 1)
                        .out())
                .startsWith(lostId + " ");
        Cli shown = mailCommand("unroutable", "show", lostId);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out())
                .as("its headers and the original")
                .contains("message-id:  " + lost, "reason:      no workspace named", "Where is my order?")
                .contains("order.pdf");

        Cli released = mailCommand(
                "unroutable", "release", lostId, "--workspace", workspace.slug().value());
        assertThat(released.exitCode()).as(released.err()).isZero();
        Logged taken = logged(workspace, lost).getFirst();
        assertThat(taken.rule()).isEqualTo(InboundRule.HELD_FOR_REVIEW);
        long ticketId = taken.ticketId();
        assertThat(released.out()).contains("as ticket " + ticketId);
        assertThat(jdbc.sql("select requester_id from " + workspace.slug().schemaName() + ".tickets where id = ?")
                        .param(ticketId)
                        .query(Long.class)
                        .single())
                .isEqualTo(contactOf(workspace, customer));
        assertThat(attachmentsOf(workspace, ticketId, null))
                .as("its files, as intake attaches them")
                .containsExactly("order.pdf");
        assertThat(detailOf(workspace, lost, InboundRule.HELD_FOR_REVIEW))
                .contains("catch-all", "released as a new ticket by a platform operator");
        assertThat(count(workspace, "inbound_reviews"))
                .as("never waits in the queue")
                .isZero();
        assertThat(logged(other, lost)).as("nothing reaches another workspace").isEmpty();
        assertThat(count(other, "tickets")).isZero();
        assertThat(mailCommand(
                                "unroutable",
                                "release",
                                lostId,
                                "--workspace",
                                other.slug().value())
                        .exitCode())
                .as("released once")
                .isEqualTo(MailCli.NOT_FOUND);
        assertThat(count(other, "tickets")).isZero();

        Cli asReply = mailCommand(
                "unroutable",
                "release",
                laterId,
                "--workspace",
                workspace.slug().value(),
                "--ticket",
                ticketId);
        assertThat(asReply.exitCode()).as(asReply.err()).isZero();
        assertThat(asReply.out()).contains("as a reply on ticket " + ticketId);
        Logged reply = logged(workspace, later).getFirst();
        assertThat(reply.ticketId()).isEqualTo(ticketId);
        assertThat(message(workspace, reply.ticketMessageId()))
                .containsEntry("author_contact_id", contactOf(workspace, customer))
                .containsEntry("visibility", "PUBLIC");
        assertThat(jdbc.sql("select count(*) from platform.inbound_unroutable where id in (?, ?)")
                        .params(lostId, laterId)
                        .query(Long.class)
                        .single())
                .isZero();

        long spamId = awaitUnroutable(Mailer.from(customer())
                .to(CATCH_ALL.replace("@", "+nobody-third@"))
                .subject("Spam")
                .text("Buy now")
                .send());
        assertThat(mailCommand("unroutable", "release", spamId).exitCode()).isEqualTo(MailCli.USAGE);
        assertThat(mailCommand("unroutable", "release", spamId, "--workspace", "no-such-space")
                        .exitCode())
                .isEqualTo(MailCli.NOT_FOUND);
        assertThat(mailCommand("unroutable", "list", "--limit", "many").exitCode())
                .isEqualTo(MailCli.USAGE);
        assertThat(mailCommand("unroutable", "delete", spamId).exitCode()).isZero();
        assertThat(mailCommand("unroutable", "delete", spamId).exitCode()).isEqualTo(MailCli.NOT_FOUND);
    }

    @Test
    void aFailedMailIsReTakenAfterTheFaultIsRemovedAndBecomesATicketOnce() {
        String schema = workspace.slug().schemaName();
        jdbc.sql("create function " + schema + ".test_fault() returns trigger language plpgsql as"
                        + " $$ begin raise exception 'the disk is full (a test fault)'; end $$")
                .update();
        jdbc.sql("create trigger test_fault before insert on " + schema + ".tickets for each row execute function "
                        + schema + ".test_fault()")
                .update();
        String id = Mailer.from(customer())
                .to(help)
                .subject("Failed at first")
                .text("Take me in after the fix.")
                .send();
        assertThat(awaitLogged(workspace, id).rule()).isEqualTo(InboundRule.FAILED);
        long failedId = jdbc.sql("select id from " + schema + ".inbound_mails where message_id = ?")
                .param(id)
                .query(Long.class)
                .single();

        Cli tooEarly = mailCommand("retake", "--workspace", workspace.slug().value());
        assertThat(tooEarly.exitCode()).as("still broken").isEqualTo(MailCli.FAILED);
        assertThat(detailOf(workspace, id, InboundRule.FAILED)).contains("re-take failed", "test fault");
        assertThat(logged(workspace, id)).hasSize(1);

        jdbc.sql("drop trigger test_fault on " + schema + ".tickets").update();
        Cli retake = mailCommand("retake", "--workspace", workspace.slug().value());
        assertThat(retake.exitCode()).as(retake.err()).isZero();
        assertThat(retake.out()).contains(failedId + " ", "re-taken: NEW_TICKET on ticket", "1 mail(s) re-taken");
        assertThat(logged(workspace, id))
                .extracting(Logged::rule)
                .containsExactly(InboundRule.FAILED, InboundRule.NEW_TICKET);
        assertThat(detailOf(workspace, id, InboundRule.FAILED)).contains("re-taken: NEW_TICKET");

        Cli again = mailCommand("retake", "--workspace", workspace.slug().value());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 mail(s) re-taken");
        assertThat(mailCommand("retake", "--workspace", workspace.slug().value(), "--id", failedId)
                        .exitCode())
                .isEqualTo(MailCli.NOT_FOUND);
        assertThat(count(workspace, "tickets")).as("exactly once").isEqualTo(1);
        assertThat(logged(workspace, id)).hasSize(2);
    }

    @Test
    void aMailReleasedFromTheReviewQueueKeepsItsFiles() {
        String customer = customer();
        String first = Mailer.from(customer)
                .to(help)
                .subject("Closed with files")
                .text("Original")
                .send();
        long closed = awaitLogged(workspace, first).ticketId();
        close(workspace, closed);
        long open = workspace.ticket(ann, "Open one", customer, Channel.API).id();
        byte[] pdf = "%PDF-1.4\n%log\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        String stranger = customer();
        String asReply = Mailer.from(stranger)
                .to(help)
                .subject("Re: Closed with files")
                .text("The log is attached.")
                .inReplyTo(first, first)
                .file("log.pdf", "application/pdf", pdf, null)
                .send();
        String asTicket = Mailer.from(stranger)
                .to(help)
                .subject("Re: Closed with files")
                .text("A screenshot too.")
                .inReplyTo(first, first)
                .file("screen.png", "image/png", png, null)
                .send();
        assertThat(awaitLogged(workspace, asReply).rule()).isEqualTo(InboundRule.HELD_FOR_REVIEW);
        assertThat(awaitLogged(workspace, asTicket).rule()).isEqualTo(InboundRule.HELD_FOR_REVIEW);
        assertThat(count(workspace, "inbound_review_attachments")).isEqualTo(2);

        InboundReviews.Released reply =
                workspace.inTransaction(() -> reviews.releaseAsReply(heldId(asReply), open, ann));
        InboundReviews.Released ticket =
                workspace.inTransaction(() -> reviews.releaseAsNewTicket(heldId(asTicket), ann));

        assertThat(attachmentsOf(workspace, open, reply.messageId()))
                .as("on the released reply")
                .containsExactly("log.pdf");
        assertThat(attachmentsOf(workspace, ticket.ticketId(), null))
                .as("on the released ticket")
                .containsExactly("screen.png");
        assertThat(count(workspace, "inbound_review_attachments"))
                .as("gone with the released mails")
                .isZero();
    }

    private long heldId(String messageId) {
        return jdbc.sql("select id from " + workspace.slug().schemaName() + ".inbound_reviews where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    /**
     * Another helpdesk that answers every mail it gets with a fresh plain acknowledgement (no Auto-Submitted, none of
     * our ids) opens a ticket here each time, and each of our acknowledgements would open one there: the second
     * acknowledgement to its address within the window is not sent, so the exchange stops after one round.
     */
    @Test
    void aHelpdeskThatAcknowledgesEveryMailWithPlainMailStopsAfterOneRound() {
        String otherDesk = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@other-helpdesk.test";
        String opening = Mailer.from(otherDesk)
                .to(help)
                .subject("A question from another desk")
                .text("Hello, a colleague here.")
                .send();
        awaitAcknowledgementDecided(opening);

        int answered = 0;
        for (int round = 1; ; round++) {
            relay.drain();
            delivery.drain();
            List<Inbox.Mail> received = Inbox.of(otherDesk);
            if (received.size() == answered) {
                break;
            }
            assertThat(round).as("rounds of the exchange").isLessThanOrEqualTo(2);
            for (Inbox.Mail ignored : received.subList(answered, received.size())) {
                awaitAcknowledgementDecided(Mailer.from(otherDesk)
                        .to(help)
                        .subject("We received your request [OD-"
                                + UUID.randomUUID().toString().substring(0, 6) + "]")
                        .text("Thank you for contacting us. We will answer soon.")
                        .send());
            }
            answered = received.size();
        }

        assertThat(Inbox.of(otherDesk)).as("our one acknowledgement").hasSize(1);
        assertThat(Inbox.of(help)).as("its mail and its one acknowledgement").hasSize(2);
        assertThat(count(workspace, "tickets")).isEqualTo(2);
        assertThat(jdbc.sql("select detail from " + workspace.slug().schemaName() + ".inbound_mails where rule ="
                                + " 'NEW_TICKET' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .as("the suppressed acknowledgement is logged with its reason")
                .contains("no acknowledgement sent", otherDesk, "acknowledgement window");
    }

    /** Waits until the mail opened a ticket and the ticket's acknowledgement was queued or left out. */
    private void awaitAcknowledgementDecided(String messageId) {
        long ticketId = awaitLogged(workspace, messageId).ticketId();
        String schema = workspace.slug().schemaName();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    relay.drain();
                    return jdbc.sql("select exists (select 1 from " + schema + ".ticket_email_messages where"
                                    + " ticket_id = ? and direction = 'OUTBOUND') or exists (select 1 from " + schema
                                    + ".inbound_mails where ticket_id = ? and detail like '%no acknowledgement sent%')")
                            .params(ticketId, ticketId)
                            .query(Boolean.class)
                            .single();
                });
    }

    /** Without a running worker the launcher runs the command in-process: a web-less worker context of its own. */
    @Test
    void theMailCommandAlsoRunsInProcess() {
        long kept = awaitUnroutable(Mailer.from(customer())
                .to(CATCH_ALL.replace("@", "+nobody-in-process@"))
                .subject("In process")
                .text("Listed without the running worker.")
                .send());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MailCli.run(
                new String[] {"unroutable", "show", String.valueOf(kept), "--json"},
                new PrintWriter(out),
                new PrintWriter(err),
                new TestServicesInitializer());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"id\":" + kept, "Listed without the running worker.");
        assertThat(MailCli.run(
                        new String[] {"unroutable", "list", "--limit"}, new PrintWriter(out), new PrintWriter(err)))
                .as("bad arguments are answered before any context starts")
                .isEqualTo(MailCli.USAGE);
    }
}
