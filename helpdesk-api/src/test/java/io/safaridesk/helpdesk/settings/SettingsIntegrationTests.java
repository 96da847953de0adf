package io.safaridesk.helpdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Workspace settings on real workspaces: admins write, agents read, customers neither. */
class SettingsIntegrationTests extends TwoWorkspaceApiTests {

    @Test
    void anAdminChangesTheSettingsAndAnAgentReadsThemButTheOtherWorkspaceKeepsItsOwn() {
        Api.Reply saved = api.send(
                HttpMethod.PUT,
                "/api/v1/settings",
                acmeAdmin,
                Map.of(
                        "name", "Acme Support",
                        "time_zone", "Africa/Nairobi",
                        "default_language", "sw",
                        "support_url", "https://help.acme.test",
                        "email_from_name", "Acme Help",
                        "email_reply_to", "help@acme.test",
                        "email_signature", "<p>Cheers</p><script>x()</script>",
                        "ticket_number_prefix", "AC-",
                        "ticket_visibility", "ALL"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text("email_signature")).isEqualTo("<p>Cheers</p>");

        Api.Reply read = api.get("/api/v1/settings", acme.token(acme.addUser("agent")));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("name")).isEqualTo("Acme Support");
        assertThat(read.text("time_zone")).isEqualTo("Africa/Nairobi");
        assertThat(read.text("ticket_number_prefix")).isEqualTo("AC-");
        assertThat(read.text("ticket_visibility")).isEqualTo("ALL");

        Api.Reply globexSettings = api.get("/api/v1/settings", globexAdmin);
        assertThat(globexSettings.text("name")).isNotEqualTo("Acme Support");
        assertThat(globexSettings.text("time_zone")).isEqualTo("UTC");
        assertThat(globexSettings.text("ticket_visibility")).isEqualTo("DEPARTMENT");
    }

    @Test
    void agentsCannotChangeSettingsAndCustomersCannotReadThem() {
        String agent = acme.token(acme.addUser("agent"));
        String customer = acme.token(acme.addUser("customer"));

        Api.Reply agentWrites = api.send(HttpMethod.PUT, "/api/v1/settings", agent, Map.of("name", "Agent Rules"));
        assertThat(agentWrites.status()).isEqualTo(403);
        assertThat(agentWrites.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get("/api/v1/settings", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/settings", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/settings", acmeAdmin).text("name")).isNotEqualTo("Agent Rules");
    }

    @Test
    void anUnknownTimeZoneVisibilityOrLanguageIsRefusedNamingTheField() {
        assertThat(field(put(Map.of("name", "X", "time_zone", "Atlantis/Capital"))))
                .isEqualTo("time_zone");
        assertThat(field(put(Map.of("name", "X", "ticket_visibility", "EVERYONE"))))
                .isEqualTo("ticket_visibility");
        assertThat(field(put(Map.of("name", "X", "default_language", "??")))).isEqualTo("default_language");
        assertThat(api.get("/api/v1/settings", acmeAdmin).text("name")).isNotEqualTo("X");
    }

    private Api.Reply put(Map<String, Object> body) {
        return api.send(HttpMethod.PUT, "/api/v1/settings", acmeAdmin, body);
    }

    private static String field(Api.Reply problem) {
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return problem.body().get("errors").get(0).get("field").asString();
    }

    @Test
    void anAdminUploadsTheLogoAgentsReadItAndOtherWorkspacesNeverSeeIt() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String agent = acme.token(acme.addUser("agent"));

        Api.Reply byAgent = api.upload("/api/v1/settings/logo", agent, "logo", "logo.png", MediaType.IMAGE_PNG, png);
        assertThat(byAgent.status()).isEqualTo(403);
        Api.Reply uploaded =
                api.upload("/api/v1/settings/logo", acmeAdmin, "logo", "logo.jpg", MediaType.IMAGE_JPEG, png);
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.text("logo_url")).isEqualTo("/api/v1/settings/logo");

        Api.Download served = api.download("/api/v1/settings/logo", agent);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(served.content()).isEqualTo(png);
        assertThat(api.download("/api/v1/settings/logo", globexAdmin).status()).isEqualTo(404);
        assertThat(api.download("/api/v1/settings/logo", null).status()).isEqualTo(401);
    }

    @Test
    void aLogoThatIsNotAnImageIsRefusedNamingTheField() {
        Api.Reply refused = api.upload(
                "/api/v1/settings/logo",
                acmeAdmin,
                "logo",
                "logo.png",
                MediaType.IMAGE_PNG,
                "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("logo");
    }
}
