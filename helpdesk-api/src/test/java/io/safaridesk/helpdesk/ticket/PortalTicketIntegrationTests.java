package io.safaridesk.helpdesk.ticket;

import static io.safaridesk.helpdesk.ticket.TicketConversationIntegrationTests.PNG;
import static io.safaridesk.helpdesk.ticket.TicketConversationIntegrationTests.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer portal and the anonymous web form: customers see their own tickets' public side and nothing else. */
class PortalTicketIntegrationTests extends TwoWorkspaceApiTests {

    @Autowired
    DataSource dataSource;

    ConversationTestSupport support;

    @BeforeEach
    void support() {
        support = new ConversationTestSupport(api, port);
    }

    @Test
    void aCustomerOpensRepliesAndReadsOnlyThePublicSideOfTheirOwnTickets() {
        TestWorkspace.User user = acme.addUser("customer");
        String customer = acme.token(user);
        String other = acme.token(acme.addUser("customer"));

        Api.Reply opened = api.send(
                HttpMethod.POST,
                "/api/v1/portal/tickets",
                customer,
                Map.of("subject", "Cannot log in", "description", "<p>Help</p>"));
        assertThat(opened.status()).isEqualTo(201);
        long ticket = opened.body().get("id").asLong();
        assertThat(opened.body().has("assignee_id")).isFalse();
        long staffTicket = support.ticket(acmeAdmin, null, user.username());

        api.send(HttpMethod.POST, "/api/v1/tickets/" + ticket + "/replies", acmeAdmin, Map.of("body", "Try again"));
        Api.Reply note = api.send(
                HttpMethod.POST, "/api/v1/tickets/" + ticket + "/notes", acmeAdmin, Map.of("body", "password123"));
        support.upload(
                "/api/v1/tickets/" + ticket + "/attachments",
                acmeAdmin,
                "internal.png",
                PNG,
                note.body().get("id").asLong());
        support.upload("/api/v1/tickets/" + ticket + "/attachments", acmeAdmin, "ticket-level.png", PNG, null);
        Api.Reply reply = api.send(
                HttpMethod.POST, "/api/v1/portal/tickets/" + ticket + "/replies", customer, Map.of("body", "Thanks"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("from_requester").asBoolean()).isTrue();
        Api.Reply mine = support.upload(
                "/api/v1/portal/tickets/" + ticket + "/attachments",
                customer,
                "mine.png",
                PNG,
                reply.body().get("id").asLong());
        assertThat(mine.status()).isEqualTo(201);

        Api.Reply messages = api.get("/api/v1/portal/tickets/" + ticket + "/messages", customer);
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.body().get("items").values())
                .extracting(m -> m.get("body_text").asString())
                .containsExactly("Try again", "Thanks");
        assertThat(messages.body().toString()).doesNotContain("password123", "INTERNAL", "visibility");
        Api.Reply attachments = api.get("/api/v1/portal/tickets/" + ticket + "/attachments", customer);
        assertThat(attachments.body().values())
                .extracting(a -> a.get("filename").asString())
                .containsExactly("mine.png");
        long internalId = api.get("/api/v1/tickets/" + ticket + "/attachments", acmeAdmin).body().values().stream()
                .filter(a -> a.get("filename").asString().equals("internal.png"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(support.download(
                                "/api/v1/portal/tickets/" + ticket + "/attachments/" + internalId + "/content",
                                customer)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(support.download(attachments.body().get(0).get("content_url").asString(), customer)
                        .getBody())
                .isEqualTo(PNG);
        assertThat(support.upload(
                                "/api/v1/portal/tickets/" + ticket + "/attachments",
                                customer,
                                "onnote.png",
                                PNG,
                                note.body().get("id").asLong())
                        .status())
                .isEqualTo(422);

        // the staff routes are closed to customers altogether
        for (String path : List.of(
                "/api/v1/tickets/" + ticket + "/messages",
                "/api/v1/tickets/" + ticket + "/attachments",
                "/api/v1/tickets/" + ticket + "/watchers",
                "/api/v1/ticket/watchers/" + ticket)) {
            assertThat(api.get(path, customer).status()).as(path).isEqualTo(403);
        }
        assertThat(api.send(HttpMethod.POST, "/api/v1/ticket/" + ticket + "/add-note", customer, Map.of("note", "x"))
                        .status())
                .isEqualTo(403);

        assertThat(api.get("/api/v1/portal/tickets", customer)
                        .body()
                        .get("items")
                        .values())
                .extracting(t -> t.get("id").asLong())
                .containsExactlyInAnyOrder(ticket, staffTicket);
        assertThat(api.get("/api/v1/ticket/customer/list/", customer)
                        .body()
                        .get("items")
                        .size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/portal/tickets/" + ticket, customer).status())
                .isEqualTo(200);

        // another customer, another workspace, nobody
        assertThat(api.get("/api/v1/portal/tickets", other).body().get("items").values())
                .isEmpty();
        assertThat(api.get("/api/v1/portal/tickets/" + ticket, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/portal/tickets/" + ticket + "/messages", other)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/portal/tickets/" + ticket + "/replies",
                                other,
                                Map.of("body", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/portal/tickets/" + ticket, globexAdmin).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/portal/tickets/" + ticket, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/portal/tickets", null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.POST, "/api/v1/portal/tickets", null, Map.of("subject", "x"))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/ticket/customer/list", acmeAdmin).status()).isEqualTo(403);
    }

    @Test
    void aCustomerReplyReopensAResolvedTicketAndAClosedOneTakesNone() {
        TestWorkspace.User user = acme.addUser("customer");
        String customer = acme.token(user);
        long ticket = support.ticket(acmeAdmin, null, user.username());
        api.send(HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/status", acmeAdmin, Map.of("status", "Resolved"));

        Api.Reply reply = api.send(
                HttpMethod.POST,
                "/api/v1/portal/tickets/" + ticket + "/replies",
                customer,
                Map.of("body", "Still broken"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/portal/tickets/" + ticket, customer).text("status_category"))
                .isEqualTo("OPEN");
        api.send(HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/status", acmeAdmin, Map.of("status", "Closed"));
        Api.Reply closed = api.send(
                HttpMethod.POST, "/api/v1/portal/tickets/" + ticket + "/replies", customer, Map.of("body", "Hello?"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.text("type")).endsWith("/ticket-closed");
        Api.Reply bad = api.send(HttpMethod.POST, "/api/v1/portal/tickets", customer, Map.of("subject", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("subject", "description");
    }

    @Test
    void theWebFormMakesAContactAndATicketDedupesByEmailAndAnswersOnlyTheNumber() {
        String email = "visitor-" + suffix() + "@example.test";
        Map<String, String> ip = Map.of("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 200 + 1));

        Api.Reply first = form(acme.slug().value(), email, ip);
        Api.Reply second = form(acme.slug().value(), email.toUpperCase(), ip);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().propertyNames()).containsExactly("ticket_id");
        assertThat(first.text("ticket_id")).startsWith("T-");
        assertThat(second.status()).isEqualTo(201);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String schema = acme.slug().schemaName();
        assertThat(jdbc.sql("select count(*) from " + schema + ".contacts where lower(email) = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select channel from " + schema + ".tickets t join " + schema
                                + ".contacts c on c.id = t.requester_id where lower(c.email) = ?")
                        .param(email)
                        .query(String.class)
                        .list())
                .containsExactly("WEB", "WEB");
        assertThat(form("no-such-workspace", email, ip).status()).isEqualTo(404);
        assertThat(form("Bad Slug!", email, ip).status()).isEqualTo(404);
        Api.Reply bad = api.exchange(
                HttpMethod.POST, "/api/v1/portal/" + acme.slug() + "/tickets", null, Map.of("email", "nope"), ip);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("email", "name", "subject", "description");
    }

    @Test
    void theWebFormLimitsSubmissionsPerEmailAndPerAddress() {
        String email = "flood-" + suffix() + "@example.test";
        Map<String, String> ip = Map.of("X-Forwarded-For", TestHttp.freshClientAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(form(acme.slug().value(), email, ip).status()).isEqualTo(201);
        }
        Api.Reply limited = form(acme.slug().value(), email, ip);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("type")).endsWith("/too-many-requests");
        // another workspace counts its own emails
        assertThat(form(globex.slug().value(), email, ip).status()).isEqualTo(201);

        Map<String, String> busy = Map.of("X-Forwarded-For", TestHttp.freshClientAddress());
        int created = 0;
        Api.Reply reply;
        do {
            reply = form(acme.slug().value(), "many-" + suffix() + "@example.test", busy);
            created += reply.status() == 201 ? 1 : 0;
        } while (reply.status() == 201 && created < 30);
        assertThat(created).isEqualTo(20);
        assertThat(reply.status()).isEqualTo(429);
    }

    private Api.Reply form(String slug, String email, Map<String, String> headers) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Visitor");
        body.put("email", email);
        body.put("subject", "From the website");
        body.put("description", "<p>Hello</p>");
        return api.exchange(HttpMethod.POST, "/api/v1/portal/" + slug + "/tickets", null, body, headers);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
