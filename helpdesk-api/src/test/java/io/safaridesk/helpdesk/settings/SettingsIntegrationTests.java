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
}
