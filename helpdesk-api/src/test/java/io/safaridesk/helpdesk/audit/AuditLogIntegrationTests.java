package io.safaridesk.helpdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.audit.AuditLog;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.testing.RawHttp;
import io.safaridesk.platform.testing.TestHttp;
import io.safaridesk.platform.testing.Totp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The audit log: what it records, who may read it, and that nobody can rewrite it. */
class AuditLogIntegrationTests extends TwoWorkspaceApiTests {

    private static final String LOG = "/api/v1/audit-log";

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminsChangeIsRecordedWithActionTargetStatusAndAddressButNeverTheBody() {
        Api.Reply created =
                api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Audited Billing"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        api.send(
                HttpMethod.PUT,
                "/api/v1/settings/smtp",
                acmeAdmin,
                Map.of(
                        "host", "smtp.acme.example",
                        "port", 587,
                        "username", "mailer",
                        "password", "never-in-the-log",
                        "from_address", "help@acme.example"));
        api.send(HttpMethod.DELETE, "/api/v1/departments/" + id, acmeAdmin, null);

        List<JsonNode> entries = items(api.get(LOG + "?limit=100", acmeAdmin));
        JsonNode creation = entry(entries, "POST /api/v1/departments");
        assertThat(creation.get("target").asString()).isEqualTo("/api/v1/departments");
        assertThat(creation.get("status").asInt()).isEqualTo(201);
        assertThat(creation.get("actor_name").asString()).isEqualTo(acme.adminEmail());
        assertThat(creation.get("actor_role").asString()).isEqualTo("admin");
        assertThat(creation.get("client_address").asString()).isEqualTo("127.0.0.1");
        JsonNode deletion = entry(entries, "DELETE /api/v1/departments/{id}");
        assertThat(deletion.get("target").asString()).isEqualTo("/api/v1/departments/" + id);
        assertThat(entry(entries, "PUT /api/v1/settings/smtp").get("status").asInt())
                .isEqualTo(200);
        assertThat(entries.toString()).doesNotContain("never-in-the-log");
        String stored = jdbc.sql("select string_agg(audit_log::text, ' ') from "
                        + acme.slug().schemaName() + ".audit_log")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("never-in-the-log");
    }

    @Test
    void readsAndAnswersOfNoInterestAreNotRecordedButAnAgentsDeletionIs() {
        String agent = acme.token(acme.addUser("agent"));
        api.get("/api/v1/departments", acmeAdmin);
        api.get("/api/v1/me", agent);
        api.send(HttpMethod.DELETE, "/api/v1/contacts/999999", agent, null);
        // case work is in the ticket's own history
        api.send(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, Map.of("subject", "Not for the audit log"));

        List<JsonNode> entries = items(api.get(LOG + "?limit=100", acmeAdmin));
        assertThat(entries).noneMatch(e -> e.get("action").asString().startsWith("GET "));
        assertThat(entries).noneMatch(e -> e.get("action").asString().startsWith("POST /api/v1/tickets"));
        assertThat(entries)
                .anySatisfy(e -> assertThat(e.get("actor_role").asString()).isEqualTo("agent"));
    }

    @Test
    void filtersAndCursorPagesWalkTheWholeLog() {
        for (int i = 0; i < 3; i++) {
            api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Paged " + i));
        }
        List<JsonNode> seen = new ArrayList<>();
        String cursor = "";
        do {
            Api.Reply page = api.get(LOG + "?action=departments&limit=1&cursor=" + cursor, acmeAdmin);
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(items(page));
            cursor = page.text("next_cursor");
        } while (cursor != null);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        assertThat(seen).allSatisfy(e -> assertThat(e.get("action").asString()).contains("departments"));
        assertThat(seen).extracting(e -> e.get("id").asLong()).doesNotHaveDuplicates();

        assertThat(items(api.get(LOG + "?from=2999-01-01", acmeAdmin))).isEmpty();
        assertThat(items(api.get(LOG + "?to=" + Instant.now().plusSeconds(60), acmeAdmin)))
                .isNotEmpty();
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        Api.Reply bad = api.get(LOG + "?from=yesterday&to=soon", acmeAdmin);

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType().toString()).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").toString()).contains("from").contains("to");
        assertThat(api.get(LOG + "?limit=0", acmeAdmin).status()).isIn(400, 422);
    }

    @Test
    void theLogExportsAsCsvWithEveryMatchingEntry() throws Exception {
        api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "=HYPERLINK(\"x\")"));
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LOG + "/export?action=POST"))
                                .header("Authorization", "Bearer " + acmeAdmin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).contains("\"occurred_at\"").contains("\"action\"");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("POST /api/v1/departments"));
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).contains("POST"));
    }

    @Test
    void onlyTheWorkspacesAdminsReadItAndNeverAnotherWorkspaces() {
        api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Acme Secret Dept"));
        String agent = acme.token(acme.addUser("agent"));
        String customer = acme.token(acme.addUser("customer"));

        assertThat(api.get(LOG, null).status()).isEqualTo(401);
        assertThat(api.get(LOG, customer).status()).isEqualTo(403);
        assertThat(api.get(LOG, agent).status()).isEqualTo(403);
        assertThat(api.get(LOG + "/export", agent).status()).isEqualTo(403);
        List<JsonNode> globexSees = items(api.get(LOG + "?limit=100", globexAdmin));
        assertThat(globexSees).noneMatch(e -> e.get("actor_name").asString("").equals(acme.adminEmail()));
        assertThat(globexSees.toString()).doesNotContain("Acme Secret Dept");
    }

    @Test
    void theLogIsAppendOnlyAndOnlyThePurgeRemovesOldEntries() {
        api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Kept"));
        String table = acme.slug().schemaName() + ".audit_log";

        assertThatThrownBy(() ->
                        jdbc.sql("update " + table + " set action = 'forged'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from " + table).update()).hasMessageContaining("append-only");

        long before =
                jdbc.sql("select count(*) from " + table).query(Long.class).single();
        assertThat(before).isPositive();
        assertThat(TenantContext.callAs(
                        acme.slug(), () -> auditLog.purgeOlderThan(Instant.now().minusSeconds(3600))))
                .isZero();
        assertThat(TenantContext.callAs(
                        acme.slug(), () -> auditLog.purgeOlderThan(Instant.now().plusSeconds(1))))
                .isEqualTo((int) before);
        assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single())
                .isZero();
    }

    @Test
    void loginsRefusalsAndLockoutsAreInTheWorkspacesLogForItsAdminsOnly() {
        TestWorkspace.User agent = acme.addUser("agent");
        String address = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        String victim = "victim-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@acme.test";

        assertThat(login(acme, agent.username(), agent.password(), Totp.now(agent.otpSecret()), address)
                        .status())
                .isEqualTo(200);
        assertThat(login(acme, agent.username(), "Wrong-Horse-1", Totp.now(agent.otpSecret()), address)
                        .status())
                .isEqualTo(401);
        RawHttp.Response stopped = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            stopped = login(acme, victim, "Guessed-Horse-" + attempt, "123456", TestHttp.freshClientAddress());
        }
        assertThat(stopped.status()).as("the product's per-account limit").isEqualTo(429);

        List<JsonNode> logins = items(api.get(LOG + "?action=auth/login&limit=100", acmeAdmin));
        JsonNode success = logins.stream()
                .filter(e -> e.get("status").asInt() == 200
                        && e.get("actor_name").asString().equals(agent.username()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no successful login in " + logins));
        assertThat(success.get("action").asString()).isEqualTo("POST /api/v1/auth/login");
        assertThat(success.get("target").asString()).isEqualTo("login");
        assertThat(success.get("actor_role").asString()).isEqualTo("agent");
        assertThat(success.get("actor_user_id").asString())
                .isNotEqualTo("anonymous")
                .isNotBlank();
        assertThat(success.get("client_address").asString()).isEqualTo(address);
        assertThat(logins)
                .filteredOn(e -> e.get("status").asInt() == 401
                        && e.get("actor_name").asString().equals(agent.username()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("target").asString())
                            .isEqualTo("login refused: wrong email, password or authenticator code");
                    assertThat(e.get("client_address").asString()).isEqualTo(address);
                });
        List<JsonNode> victims = logins.stream()
                .filter(e -> e.get("actor_name").asString().equals(victim))
                .toList();
        assertThat(victims).extracting(e -> e.get("status").asInt()).containsOnly(401, 429);
        assertThat(victims)
                .filteredOn(e -> e.get("status").asInt() == 429)
                .singleElement()
                .satisfies(e -> assertThat(e.get("target").asString()).contains("locked"));
        assertThat(logins.toString()).doesNotContain("Wrong-Horse-1").doesNotContain("Guessed-Horse");

        String otherAgent = acme.token(acme.addUser("agent"));
        String customer = acme.token(acme.addUser("customer"));
        assertThat(api.get(LOG + "?action=auth/login", null).status()).isEqualTo(401);
        assertThat(api.get(LOG + "?action=auth/login", otherAgent).status()).isEqualTo(403);
        assertThat(api.get(LOG + "?action=auth/login", customer).status()).isEqualTo(403);
        List<JsonNode> globexSees = items(api.get(LOG + "?action=auth/login&limit=100", globexAdmin));
        assertThat(globexSees.toString()).doesNotContain(agent.username()).doesNotContain(victim);
    }

    private static RawHttp.Response login(
            TestWorkspace workspace, String email, String password, String otp, String address) {
        String body = "{\"workspace\":\"" + workspace.slug() + "\",\"email\":\"" + email + "\",\"password\":\""
                + password + "\",\"otp\":\"" + otp + "\"}";
        return RawHttp.send(
                TestWorkspaces.provisioningPort(),
                "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nX-Forwarded-For: " + address,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> items(Api.Reply page) {
        assertThat(page.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.body().get("items").forEach(items::add);
        return items;
    }

    private static JsonNode entry(List<JsonNode> entries, String action) {
        return entries.stream()
                .filter(e -> e.get("action").asString().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + action + " in " + entries));
    }
}
