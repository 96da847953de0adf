package io.safaridesk.helpdesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.inbound.InboundReviews;
import io.safaridesk.domain.inbound.ReviewReason;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review queue of inbound mail over the API: admins of the workspace list it with reasons, read the original,
 * release a mail as a new ticket or as a reply on a chosen ticket, and delete it; another workspace, an agent, a
 * customer and an anonymous caller reach none of it. The worker holds mail through the same facade this test uses.
 */
class InboundReviewApiIntegrationTests extends TwoWorkspaceApiTests {

    private static final String REVIEW = "/api/v1/settings/inbound-mail/review";

    @Autowired
    InboundReviews reviews;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient jdbc;

    /** Holds a mail in the workspace as the worker does: logged, its original kept, then queued. */
    private long hold(TestWorkspace workspace, ReviewReason reason, String from, String subject, Long ticketId) {
        String messageId = "<" + UUID.randomUUID() + "@customer.test>";
        String key = "inbound/test/" + UUID.randomUUID() + ".eml";
        files.put(
                workspace.slug(),
                key,
                ("From: " + from + "\r\nMessage-ID: " + messageId + "\r\nSubject: " + subject + "\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        long logged = jdbc.sql("insert into " + workspace.slug().schemaName() + ".inbound_mails (message_id,"
                        + " from_address, subject, rule, raw_storage_key, detail) values (?, ?, ?, 'HELD_FOR_REVIEW', ?,"
                        + " ?) returning id")
                .params(messageId, from, subject, key, reason.explanation())
                .query(Long.class)
                .single();
        return TenantContext.callAs(
                workspace.slug(),
                () -> transaction.execute(status -> reviews.hold(new InboundReviews.Held(
                        logged,
                        messageId,
                        from,
                        "Stranger",
                        subject,
                        reason,
                        reason.explanation(),
                        ticketId,
                        "<p>The whole mail: " + subject + "</p>",
                        "<p>Only the new text of " + subject + "</p>",
                        key,
                        List.of()))));
    }

    private long ticket(String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Closed printer " + UUID.randomUUID());
        body.put("requester", Map.of("name", "Req Uester", "email", "req-" + UUID.randomUUID() + "@example.test"));
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
        assertThat(created.status()).as("ticket created: %s", created.body()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    @Test
    void anAdminListsHeldMailWithReasonsReadsItAndReleasesItAsATicketOrAReply() {
        String adminUser = api.get("/api/v1/me", acmeAdmin).text("user_id");
        long flood = hold(acme, ReviewReason.FLOOD, "flood@customer.test", "Flood " + UUID.randomUUID(), null);
        long ticketId = ticket(acmeAdmin);
        long stranger = hold(
                acme,
                ReviewReason.NON_PARTICIPANT_ON_CLOSED_TICKET,
                "stranger@customer.test",
                "Re: closed " + UUID.randomUUID(),
                ticketId);

        Api.Reply page = api.get(REVIEW + "?limit=1", acmeAdmin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items")).hasSize(1);
        assertThat(page.body().get("items").get(0).get("id").asLong()).isEqualTo(stranger);
        assertThat(page.body().get("items").get(0).get("reason").asText())
                .isEqualTo("NON_PARTICIPANT_ON_CLOSED_TICKET");
        assertThat(page.body().get("items").get(0).get("explanation").asText()).contains("closed ticket");
        assertThat(page.body().get("items").get(0).get("ticket_id").asLong()).isEqualTo(ticketId);
        Api.Reply next = api.get(REVIEW + "?limit=1&cursor=" + page.text("next_cursor"), acmeAdmin);
        assertThat(next.body().get("items").get(0).get("id").asLong())
                .as("keyset pages")
                .isEqualTo(flood);

        Api.Download raw = api.download(REVIEW + "/" + flood + "/raw", acmeAdmin);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType().toString()).startsWith("message/rfc822");
        assertThat(new String(raw.content(), StandardCharsets.US_ASCII)).contains("flood@customer.test");

        assertThat(api.get("/api/v1/notifications/list/?limit=5", acmeAdmin)
                        .body()
                        .toString())
                .as("the admins hear how many mails wait (%s)", adminUser)
                .contains("mail_held_for_review", "2 mails wait for review");

        Api.Reply asTicket =
                api.send(HttpMethod.POST, REVIEW + "/" + flood + "/release", acmeAdmin, Map.of("as", "new_ticket"));
        assertThat(asTicket.status()).as(asTicket.body().toString()).isEqualTo(200);
        long released = asTicket.body().get("ticket_id").asLong();
        Api.Reply opened = api.get("/api/v1/tickets/" + released, acmeAdmin);
        assertThat(opened.body().toString()).contains("Flood", "flood@customer.test");

        Api.Reply asReply = api.send(
                HttpMethod.POST,
                REVIEW + "/" + stranger + "/release",
                acmeAdmin,
                Map.of("as", "reply", "ticket_id", ticketId));
        assertThat(asReply.status()).as(asReply.body().toString()).isEqualTo(200);
        assertThat(asReply.body().get("ticket_id").asLong()).isEqualTo(ticketId);
        assertThat(jdbc.sql("select body_text from " + acme.slug().schemaName() + ".ticket_messages where id = ?")
                        .param(asReply.body().get("message_id").asLong())
                        .query(String.class)
                        .single())
                .as("the reply without its quote")
                .startsWith("Only the new text");
        assertThat(jdbc.sql("select detail from " + acme.slug().schemaName() + ".inbound_mails where message_id"
                                + " = (select message_id from " + acme.slug().schemaName()
                                + ".ticket_email_messages where ticket_id = ? order by id desc limit 1)")
                        .param(ticketId)
                        .query(String.class)
                        .single())
                .as("the log says who released it")
                .contains("released as a reply on ticket " + ticketId);
        assertThat(api.get(REVIEW, acmeAdmin).body().toString()).doesNotContain("\"id\":" + stranger + ",");
        assertThat(api.send(
                                HttpMethod.POST,
                                REVIEW + "/" + stranger + "/release",
                                acmeAdmin,
                                Map.of("as", "new_ticket"))
                        .status())
                .as("released once")
                .isEqualTo(404);
    }

    @Test
    void deletingAndTheRetentionPeriodEmptyTheQueue() {
        long deleted = hold(acme, ReviewReason.SUSPECTED_AUTO_REPLY, "ooo@customer.test", "Automatic reply: x", null);
        assertThat(api.send(HttpMethod.DELETE, REVIEW + "/" + deleted, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.send(HttpMethod.DELETE, REVIEW + "/" + deleted, acmeAdmin, null)
                        .status())
                .isEqualTo(404);

        long old = hold(acme, ReviewReason.FLOOD, "old@customer.test", "Old", null);
        jdbc.sql("update " + acme.slug().schemaName() + ".inbound_reviews set received_at = now() - interval '40 days'"
                        + " where id = ?")
                .param(old)
                .update();
        int purged = TenantContext.callAs(
                acme.slug(),
                () -> transaction.execute(
                        status -> reviews.purgeBefore(Instant.now().minusSeconds(30L * 24 * 3600))));
        assertThat(purged).isEqualTo(1);
        assertThat(api.download(REVIEW + "/" + old + "/raw", acmeAdmin).status())
                .isEqualTo(404);
    }

    @Test
    void anotherWorkspaceAnAgentACustomerAndAnonymousCallersReachNoneOfIt() {
        long held = hold(acme, ReviewReason.FLOOD, "iso@customer.test", "Isolated " + UUID.randomUUID(), null);
        String path = REVIEW + "/" + held;

        assertThat(api.get(REVIEW, globexAdmin).body().toString()).doesNotContain("iso@customer.test");
        assertThat(api.download(path + "/raw", globexAdmin).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.POST, path + "/release", globexAdmin, Map.of("as", "new_ticket"))
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, path, globexAdmin, null).status())
                .isEqualTo(404);

        for (String lesser : new String[] {acme.token(acme.addUser("agent")), acme.token(acme.addUser("customer"))}) {
            assertThat(api.get(REVIEW, lesser).status()).isEqualTo(403);
            assertThat(api.download(path + "/raw", lesser).status()).isEqualTo(403);
            assertThat(api.send(HttpMethod.POST, path + "/release", lesser, Map.of("as", "new_ticket"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.send(HttpMethod.DELETE, path, lesser, null).status()).isEqualTo(403);
        }
        assertThat(api.get(REVIEW, null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.DELETE, path, null, null).status()).isEqualTo(401);

        Api.Reply bad = api.send(HttpMethod.POST, path + "/release", acmeAdmin, Map.of("as", "maybe"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType().toString()).contains("problem+json");
        assertThat(bad.body().get("errors").toString()).contains("as");
        Api.Reply noTicket = api.send(HttpMethod.POST, path + "/release", acmeAdmin, Map.of("as", "reply"));
        assertThat(noTicket.status()).isEqualTo(422);
        assertThat(noTicket.body().get("errors").toString()).contains("ticket_id");
        Api.Reply noSuchTicket = api.send(
                HttpMethod.POST, path + "/release", acmeAdmin, Map.of("as", "reply", "ticket_id", 987_654_321L));
        assertThat(noSuchTicket.status()).isEqualTo(422);
        assertThat(noSuchTicket.body().get("errors").toString()).contains("ticket_id");
        assertThat(api.get(REVIEW, acmeAdmin).status())
                .as("still reachable by its admin")
                .isEqualTo(200);
    }
}
