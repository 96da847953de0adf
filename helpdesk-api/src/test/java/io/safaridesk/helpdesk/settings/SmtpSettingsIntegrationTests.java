package io.safaridesk.helpdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A workspace's own SMTP server: admins only, the password sealed at rest and never shown, per workspace. */
class SmtpSettingsIntegrationTests extends TwoWorkspaceApiTests {

    private static final String SMTP = "/api/v1/settings/smtp";

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> server(String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("host", "smtp.acme.example");
        body.put("port", 587);
        body.put("username", "mailer");
        body.put("password", password);
        body.put("from_address", "help@acme.example");
        return body;
    }

    @Test
    void anAdminSetsTheServerAndThePasswordIsSealedAndNeverShown() {
        assertThat(api.get(SMTP, acmeAdmin).body().get("custom").asBoolean()).isFalse();

        Api.Reply set = api.send(HttpMethod.PUT, SMTP, acmeAdmin, server("s3cret-pass"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("custom").asBoolean()).isTrue();
        assertThat(set.body().get("password_set").asBoolean()).isTrue();
        assertThat(set.body().toString()).doesNotContain("s3cret-pass");
        String stored = jdbc.sql("select smtp_password from " + acme.slug().schemaName() + ".mail_settings")
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret-pass");

        Api.Reply keptPassword = api.send(HttpMethod.PUT, SMTP, acmeAdmin, server(null));
        assertThat(keptPassword.body().get("password_set").asBoolean()).isTrue();
        assertThat(api.get(SMTP, globexAdmin).body().get("custom").asBoolean())
                .as("another workspace has its own settings")
                .isFalse();

        assertThat(api.send(HttpMethod.DELETE, SMTP, acmeAdmin, null).status()).isEqualTo(204);
        assertThat(api.get(SMTP, acmeAdmin).body().get("custom").asBoolean()).isFalse();
    }

    @Test
    void onlyAdminsReachItAndBadInputIsNamed() {
        String agent = acme.token(acme.addUser("agent"));
        assertThat(api.get(SMTP, agent).status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.PUT, SMTP, agent, server("x")).status()).isEqualTo(403);
        assertThat(api.get(SMTP, null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.DELETE, SMTP, null, null).status()).isEqualTo(401);

        Map<String, Object> bad = server("x");
        bad.put("port", 70000);
        bad.put("from_address", "not an address");
        Api.Reply refused = api.send(HttpMethod.PUT, SMTP, acmeAdmin, bad);
        assertThat(refused.status()).isIn(400, 422);
        assertThat(refused.body().get("errors").toString()).contains("port", "from_address");
    }
}
