package io.safaridesk.helpdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Admins' own mail texts per workspace and language on real workspaces: edit, preview, test, reset, roles, isolation. */
class MailTemplateIntegrationTests extends TwoWorkspaceApiTests {

    static final String SOLVED_DE = "/api/v1/settings/mail-templates/ticket-solved/de";

    static String acmeAgent;
    static String acmeCustomer;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void users() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    private static Map<String, Object> text(String subject, String html, String text) {
        return Map.of("subject", subject, "html", html, "text", text);
    }

    @Test
    void adminsSeeEveryEditableMailWithItsPlaceholdersAndTheShippedDefaultPerLanguage() {
        Api.Reply list = api.get("/api/v1/settings/mail-templates", acmeAdmin);

        assertThat(list.status()).isEqualTo(200);
        List<String> names = list.body().values().stream()
                .map(t -> t.get("template").asString())
                .toList();
        assertThat(names)
                .contains(
                        "new-ticket",
                        "public-reply",
                        "ticket-solved",
                        "ticket-closed",
                        "ticket-pending",
                        "sla-breached")
                .doesNotContain("signup-otp");
        JsonNode solved = list.body().values().stream()
                .filter(t -> t.get("template").asString().equals("ticket-solved"))
                .findFirst()
                .orElseThrow();
        assertThat(solved.get("placeholders").values().stream()
                        .map(p -> p.get("name").asString())
                        .toList())
                .contains("ticket.number", "ticket.url", "requester.name", "agent.name", "workspace.name");

        Api.Reply german = api.get(SOLVED_DE, acmeAdmin);
        assertThat(german.status()).isEqualTo(200);
        assertThat(german.body().get("custom").asBoolean()).isFalse();
        assertThat(german.text("subject")).isEqualTo("[{{ticket.number}}] Gelöst: {{ticket.subject}}");
        assertThat(api.get("/api/v1/settings/mail-templates/ticket-solved/sw", acmeAdmin)
                        .text("subject"))
                .as("no Swahili translation: the English text to start from")
                .isEqualTo("[{{ticket.number}}] Solved: {{ticket.subject}}");
    }

    @Test
    void anAdminsOwnTextIsStoredPreviewedEscapedAndResetToTheDefault() {
        Api.Reply saved = api.send(
                HttpMethod.PUT,
                SOLVED_DE,
                acmeAdmin,
                text(
                        "Erledigt: {{ticket.subject}} ({{ ticket.number }})",
                        "<p style=\"color:red\">Hallo {{requester.name}}</p><script>alert(1)</script>",
                        "Hallo {{requester.name}}, {{ticket.url}}"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("custom").asBoolean()).isTrue();
        assertThat(api.get(SOLVED_DE, acmeAdmin).text("subject"))
                .isEqualTo("Erledigt: {{ticket.subject}} ({{ ticket.number }})");
        assertThat(api.get("/api/v1/settings/mail-templates", acmeAdmin).body().values().stream()
                        .filter(t -> t.get("template").asString().equals("ticket-solved"))
                        .findFirst()
                        .orElseThrow()
                        .get("custom_languages")
                        .values()
                        .stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("de");

        Api.Reply preview = api.send(HttpMethod.POST, SOLVED_DE + "/preview", acmeAdmin, null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("subject")).isEqualTo("Erledigt: Printer on fire (T-1042)");
        assertThat(preview.text("html"))
                .contains("Hallo Jo Requester")
                .contains("lang=\"de\"")
                .doesNotContain("<script")
                .doesNotContain("color:red");
        assertThat(preview.text("text")).isEqualTo("Hallo Jo Requester, https://app.safaridesk.example/tickets/1042");

        Api.Reply draft = api.send(
                HttpMethod.POST,
                SOLVED_DE + "/preview",
                acmeAdmin,
                text("Draft {{workspace.name}}", "<p>{{agent.name}}</p>", "{{agent.name}}"));
        assertThat(draft.text("subject")).startsWith("Draft ");
        assertThat(draft.text("text")).isEqualTo("Ann Agent");

        assertThat(api.send(HttpMethod.DELETE, SOLVED_DE, acmeAdmin, null).status())
                .isEqualTo(204);
        Api.Reply back = api.get(SOLVED_DE, acmeAdmin);
        assertThat(back.body().get("custom").asBoolean()).isFalse();
        assertThat(back.text("subject")).contains("Gelöst");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWith422NamingItAndOtherBadInputIsAProblemToo() {
        Api.Reply unknown = api.send(
                HttpMethod.PUT,
                "/api/v1/settings/mail-templates/ticket-pending/en",
                acmeAdmin,
                text("{{ticket.number}}", "<p>{{ticket.secret}}</p>", "{{export.url}}"));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<JsonNode> errors = unknown.body().get("errors").values().stream().toList();
        assertThat(errors).extracting(e -> e.get("field").asString()).containsExactly("html", "text");
        assertThat(errors.getFirst().get("reason").asString()).contains("{{ticket.secret}}");
        assertThat(errors.get(1).get("reason").asString()).contains("{{export.url}}");
        assertThat(api.get("/api/v1/settings/mail-templates/ticket-pending/en", acmeAdmin)
                        .body()
                        .get("custom")
                        .asBoolean())
                .isFalse();
        Api.Reply previewUnknown = api.send(
                HttpMethod.POST,
                "/api/v1/settings/mail-templates/ticket-pending/en/preview",
                acmeAdmin,
                text("{{{message.html}}}", "", ""));
        assertThat(previewUnknown.status()).isEqualTo(422);

        Api.Reply noTemplate = api.get("/api/v1/settings/mail-templates/signup-otp/en", acmeAdmin);
        assertThat(noTemplate.status()).isEqualTo(404);
        assertThat(noTemplate.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Api.Reply badLanguage = api.get("/api/v1/settings/mail-templates/ticket-solved/not_a_language!", acmeAdmin);
        assertThat(badLanguage.status()).isEqualTo(422);
        assertThat(badLanguage.body().get("errors").get(0).get("field").asString())
                .isEqualTo("language");
        Api.Reply noSubject = api.send(
                HttpMethod.PUT,
                "/api/v1/settings/mail-templates/ticket-solved/en",
                acmeAdmin,
                Map.of("html", "<p>x</p>", "text", "x"));
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(noSubject.body().get("errors").get(0).get("field").asString())
                .isEqualTo("subject");
    }

    @Test
    void aTestSendGoesToTheCallingAdminThroughTheOutbox() {
        Api.Reply sent =
                api.send(HttpMethod.POST, "/api/v1/settings/mail-templates/ticket-closed/fr/test", acmeAdmin, null);

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.text("recipient")).isEqualToIgnoringCase(acme.adminEmail());
        String payload = jdbc.sql("select payload::text from platform.outbox where tenant_slug = ? and type = ?"
                        + " order by created_at desc limit 1")
                .params(acme.slug().value(), "mail.test-requested")
                .query(String.class)
                .single();
        assertThat(payload).contains("\"template\": \"ticket-closed\"").contains("Fermé");
    }

    @Test
    void agentsCustomersAndAnonymousCallersCannotReachMailTemplates() {
        for (String token : new String[] {acmeAgent, acmeCustomer}) {
            Api.Reply list = api.get("/api/v1/settings/mail-templates", token);
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(api.send(HttpMethod.PUT, SOLVED_DE, token, text("x", "x", "x"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.send(HttpMethod.POST, SOLVED_DE + "/test", token, null)
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/settings/mail-templates", null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.PUT, SOLVED_DE, null, text("x", "x", "x"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void oneWorkspacesTextsAreInvisibleAndUnchangeableFromAnother() {
        String path = "/api/v1/settings/mail-templates/ticket-closed/en";
        api.send(HttpMethod.PUT, path, acmeAdmin, text("Acme closed {{ticket.number}}", "<p>acme</p>", "acme"));

        Api.Reply fromGlobex = api.get(path, globexAdmin);
        assertThat(fromGlobex.body().get("custom").asBoolean()).isFalse();
        assertThat(fromGlobex.text("subject")).doesNotContain("Acme");
        api.send(HttpMethod.PUT, path, globexAdmin, text("Globex {{ticket.number}}", "<p>g</p>", "g"));
        api.send(HttpMethod.DELETE, path, globexAdmin, null);

        assertThat(api.get(path, acmeAdmin).text("subject")).isEqualTo("Acme closed {{ticket.number}}");
        assertThat(api.get(path, globexAdmin).text("subject"))
                .isEqualTo("[{{ticket.number}}] Closed: {{ticket.subject}}");
    }
}
