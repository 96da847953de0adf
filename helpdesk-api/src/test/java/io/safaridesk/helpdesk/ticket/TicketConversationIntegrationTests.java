package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Replies, notes, mentions, watchers and attachments on real workspaces, and who may reach them. */
class TicketConversationIntegrationTests extends TwoWorkspaceApiTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    DataSource dataSource;

    ConversationTestSupport support;

    @BeforeEach
    void support() {
        support = new ConversationTestSupport(api, port);
    }

    @Test
    void repliesAndNotesMakeAConversationWithHistoryEventsAndTheFirstResponse() {
        long ticket = support.ticket(acmeAdmin, null, "req-" + ConversationTestSupport.suffix() + "@example.test");

        Api.Reply reply = api.send(
                HttpMethod.POST,
                "/api/v1/tickets/" + ticket + "/replies",
                acmeAdmin,
                Map.of("body", "<p>On it</p><script>alert(1)</script>"));
        Api.Reply note = api.send(
                HttpMethod.POST, "/api/v1/ticket/" + ticket + "/add-note/", acmeAdmin, Map.of("note", "<b>vip</b>"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("body_html")).contains("On it").doesNotContain("script");
        assertThat(reply.text("visibility")).isEqualTo("PUBLIC");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.text("visibility")).isEqualTo("INTERNAL");
        Api.Reply messages = api.get("/api/v1/tickets/" + ticket + "/messages", acmeAdmin);
        assertThat(messages.body().get("items").values())
                .extracting(m -> m.get("body_text").asString())
                .containsExactly("On it", "vip");
        assertThat(api.get("/api/v1/tickets/" + ticket, acmeAdmin).text("first_response_at"))
                .isNotNull();
        Api.Reply history = api.get("/api/v1/tickets/" + ticket + "/activities", acmeAdmin);
        assertThat(history.body().get("items").values())
                .extracting(
                        a -> a.get("action").asString() + ":" + a.get("field").asString())
                .contains("replied:reply", "replied:first_response_at", "noted:note");
        assertThat(eventTypes(acme.slug().value(), ticket)).contains("ticket.reply-added", "ticket.note-added");
    }

    @Test
    void mentionsResolveOnlyToAgentsOfTheWorkspaceAndProduceRowsAndEvents() {
        ConversationTestSupport.Staff ann = support.agent(acme, acmeAdmin, List.of());
        ConversationTestSupport.Staff stranger = support.agent(globex, globexAdmin, List.of());
        long ticket = support.ticket(acmeAdmin, null, "req-" + ConversationTestSupport.suffix() + "@example.test");

        Api.Reply note = api.send(
                HttpMethod.POST,
                "/api/v1/tickets/" + ticket + "/notes",
                acmeAdmin,
                Map.of(
                        "body",
                        "<p>@" + ann.email() + " please look; also @" + stranger.email() + " and @nobody@nowhere.test"
                                + " and mail " + ann.email() + "</p>"));

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.body().get("mentioned_agent_ids").values())
                .extracting(JsonNode::asLong)
                .containsExactly(ann.agentId());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select agent_id from " + acme.slug().schemaName()
                                + ".ticket_mentions where message_id = ?")
                        .param(note.body().get("id").asLong())
                        .query(Long.class)
                        .list())
                .containsExactly(ann.agentId());
        assertThat(jdbc.sql("select (payload->>'agent_id')::bigint from platform.outbox where tenant_slug = ?"
                                + " and type = 'ticket.mention-made' and (payload->>'ticket_id')::bigint = ?")
                        .param(acme.slug().value())
                        .param(ticket)
                        .query(Long.class)
                        .list())
                .containsExactly(ann.agentId());
    }

    @Test
    void watchersAreActiveAgentsOfTheWorkspaceAndAWatcherSeesTheTicketOutsideTheirDepartment() {
        long sales = support.department(acmeAdmin);
        long support2 = support.department(acmeAdmin);
        ConversationTestSupport.Staff outsider = support.agent(acme, acmeAdmin, List.of(support2));
        long ticket = support.ticket(acmeAdmin, sales, "req-" + ConversationTestSupport.suffix() + "@example.test");

        assertThat(api.get("/api/v1/tickets/" + ticket, outsider.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/messages", outsider.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/tickets/" + ticket + "/notes",
                                outsider.token(),
                                Map.of("body", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/watchers", outsider.token())
                        .status())
                .isEqualTo(404);

        Api.Reply added = api.send(
                HttpMethod.PUT,
                "/api/v1/ticket/watchers/add/" + ticket,
                acmeAdmin,
                Map.of("watchers", List.of(outsider.agentId())));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().values()).extracting(w -> w.get("id").asLong()).containsExactly(outsider.agentId());
        assertThat(api.get("/api/v1/tickets/" + ticket, outsider.token()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ticket/watchers/" + ticket, outsider.token())
                        .body()
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/watchers/" + outsider.agentId(), acmeAdmin)
                        .status())
                .isEqualTo(200);

        Api.Reply removed = api.send(
                HttpMethod.DELETE, "/api/v1/tickets/" + ticket + "/watchers/" + outsider.agentId(), acmeAdmin, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().values()).isEmpty();
        for (String unknown : List.of("-1", "999999")) {
            Api.Reply refused =
                    api.send(HttpMethod.DELETE, "/api/v1/tickets/" + ticket + "/watchers/" + unknown, acmeAdmin, null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("agent_id");
        }
        assertThat(api.get("/api/v1/tickets/" + ticket, outsider.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/activities", acmeAdmin)
                        .body()
                        .get("items")
                        .values())
                .extracting(a -> a.get("field").asString())
                .contains("watchers");
    }

    @Test
    void unknownOrForeignWatchersAndEmptyMessagesAreRefusedNamingTheField() {
        long ticket = support.ticket(acmeAdmin, null, "req-" + ConversationTestSupport.suffix() + "@example.test");
        ConversationTestSupport.Staff foreign = support.agent(globex, globexAdmin, List.of());

        Api.Reply unknown = api.send(
                HttpMethod.PUT,
                "/api/v1/ticket/watchers/add/" + ticket,
                acmeAdmin,
                Map.of("watchers", List.of(999_999, foreign.agentId())));
        Api.Reply none = api.send(HttpMethod.PUT, "/api/v1/ticket/watchers/add/" + ticket, acmeAdmin, Map.of());
        Api.Reply single = api.send(HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/watchers/999999", acmeAdmin, null);
        Api.Reply emptyReply = api.send(HttpMethod.POST, "/api/v1/tickets/" + ticket + "/replies", acmeAdmin, Map.of());
        Api.Reply onlyScript = api.send(
                HttpMethod.POST,
                "/api/v1/ticket/" + ticket + "/add-note",
                acmeAdmin,
                Map.of("note", "<script>alert(1)</script>"));
        Api.Reply tooLong = api.send(
                HttpMethod.POST,
                "/api/v1/tickets/" + ticket + "/notes",
                acmeAdmin,
                Map.of("body", "x".repeat(200_001)));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(unknown)).containsExactly("watchers", "watchers");
        assertThat(none.status()).isEqualTo(400);
        assertThat(fields(none)).containsExactly("watchers");
        assertThat(fields(single)).containsExactly("agent_id");
        assertThat(emptyReply.status()).isEqualTo(400);
        assertThat(fields(emptyReply)).containsExactly("body");
        assertThat(onlyScript.status()).isEqualTo(422);
        assertThat(fields(onlyScript)).containsExactly("note");
        assertThat(fields(tooLong)).containsExactly("body");
        assertThat(api.send(HttpMethod.POST, "/api/v1/tickets/999999/replies", acmeAdmin, Map.of("body", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anotherWorkspacesTokenAndAnonymousCallersReachNothing() {
        long ticket = support.ticket(acmeAdmin, null, "req-" + ConversationTestSupport.suffix() + "@example.test");
        api.send(HttpMethod.POST, "/api/v1/tickets/" + ticket + "/notes", acmeAdmin, Map.of("body", "secret"));

        for (String path : List.of(
                "/api/v1/tickets/" + ticket + "/messages",
                "/api/v1/tickets/" + ticket + "/watchers",
                "/api/v1/tickets/" + ticket + "/attachments",
                "/api/v1/ticket/watchers/" + ticket)) {
            assertThat(api.get(path, globexAdmin).status()).as(path).isEqualTo(404);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(api.send(HttpMethod.POST, "/api/v1/ticket/" + ticket + "/add-note", globexAdmin, Map.of("note", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.POST, "/api/v1/tickets/" + ticket + "/replies", null, Map.of("body", "x"))
                        .status())
                .isEqualTo(401);
        assertThat(support.upload("/api/v1/tickets/" + ticket + "/attachments", globexAdmin, "a.png", PNG, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void attachmentsAreSniffedLimitedAndDownloadedAsAttachments() {
        long ticket = support.ticket(acmeAdmin, null, "req-" + ConversationTestSupport.suffix() + "@example.test");
        String base = "/api/v1/tickets/" + ticket + "/attachments";

        Api.Reply png = support.upload(base, acmeAdmin, "screenshot.txt", PNG, null);
        Api.Reply text = support.upload(base, acmeAdmin, "notes.log", "hello".getBytes(StandardCharsets.UTF_8), null);
        Api.Reply html =
                support.upload(base, acmeAdmin, "innocent.png", "<!DOCTYPE html><script>x</script>".getBytes(), null);
        Api.Reply svg = support.upload(base, acmeAdmin, "logo.svg", "<svg></svg>".getBytes(), null);
        Api.Reply exe = support.upload(base, acmeAdmin, "setup.bin", new byte[] {'M', 'Z', 0, 0}, null);
        Api.Reply big = support.upload(base, acmeAdmin, "big.bin", new byte[10 * 1024 * 1024 + 1], null);
        Api.Reply empty = support.upload(base, acmeAdmin, "empty.txt", new byte[0], null);
        Api.Reply strangeMessage = support.upload(base, acmeAdmin, "a.png", PNG, 999_999L);

        assertThat(png.status()).isEqualTo(201);
        assertThat(png.text("content_type")).isEqualTo("image/png");
        assertThat(png.text("filename")).isEqualTo("screenshot.txt");
        assertThat(text.text("content_type")).isEqualTo("text/plain");
        assertThat(html.status()).isEqualTo(415);
        assertThat(fields(html)).containsExactly("file");
        assertThat(svg.status()).isEqualTo(415);
        assertThat(exe.status()).isEqualTo(415);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(big)).containsExactly("file");
        assertThat(fields(empty)).containsExactly("file");
        assertThat(fields(strangeMessage)).containsExactly("message_id");

        assertThat(api.get(base, acmeAdmin).body().values())
                .extracting(a -> a.get("filename").asString())
                .containsExactly("screenshot.txt", "notes.log");
        ResponseEntity<byte[]> download = support.download(png.text("content_url"), acmeAdmin);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(PNG);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("screenshot.txt");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(support.download(png.text("content_url"), globexAdmin)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(support.download(base + "/999999/content", acmeAdmin)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    private List<String> eventTypes(String tenant, long ticket) {
        return JdbcClient.create(dataSource)
                .sql("select type from platform.outbox where tenant_slug = ? and (payload->>'ticket_id')::bigint = ?")
                .param(tenant)
                .param(ticket)
                .query(String.class)
                .list();
    }

    static List<String> fields(Api.Reply reply) {
        JsonNode errors = reply.body().get("errors");
        return errors == null
                ? List.of()
                : errors.values().stream().map(e -> e.get("field").asString()).toList();
    }
}
