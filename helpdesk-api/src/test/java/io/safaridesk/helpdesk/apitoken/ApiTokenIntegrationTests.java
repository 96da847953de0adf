package io.safaridesk.helpdesk.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * API tokens on two real workspaces: admins alone manage them, a token works in its own workspace only and for its
 * scopes only, revoked and expired tokens are refused, and each token has its own rate limit.
 */
class ApiTokenIntegrationTests extends TwoWorkspaceApiTests {

    static final List<String> ALL_SCOPES =
            List.of("tickets:read", "tickets:write", "contacts:read", "contacts:write", "kb:read", "kb:manage");

    static String acmeAgent;
    static String acmeCustomer;

    @BeforeAll
    static void users() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    private Api.Reply create(String adminToken, Map<String, Object> body) {
        return api.send(HttpMethod.POST, "/api/v1/api-tokens", adminToken, body);
    }

    private Api.Reply create(String adminToken, List<String> scopes, Instant expiresAt) {
        return create(
                adminToken,
                Map.of("name", "CRM sync " + unique(), "scopes", scopes, "expires_at", expiresAt.toString()));
    }

    /** A new token's value, for {@code scopes}, valid for a day. */
    private String token(String adminToken, String... scopes) {
        Api.Reply created = create(adminToken, List.of(scopes), Instant.now().plus(Duration.ofDays(1)));
        assertThat(created.status()).as("token created: %s", created.body()).isEqualTo(201);
        return created.text("token");
    }

    private JsonNode listed(long id) {
        return api.get("/api/v1/api-tokens?limit=100", acmeAdmin).body().get("items").values().stream()
                .filter(token -> token.get("id").asLong() == id)
                .findFirst()
                .orElseThrow();
    }

    private static long id(String token) {
        return Long.parseLong(token.split("_")[2]);
    }

    private long ticket(String token, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("requester", Map.of("name", "Req Uester", "email", "req" + unique() + "@example.test"));
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
        assertThat(created.status()).as("ticket created: %s", created.body()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private List<String> subjects(String token) {
        Api.Reply page = api.get("/api/v1/tickets?limit=100", token);
        assertThat(page.status()).as("tickets listed: %s", page.body()).isEqualTo(200);
        return page.body().get("items").values().stream()
                .map(ticket -> ticket.get("subject").asString())
                .toList();
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String field(Api.Reply problem) {
        return problem.body().get("errors").get(0).get("field").asString();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminCreatesATokenThatListsTicketsAndRecordsItsLastUse() {
        String subject = "Token-visible " + unique();
        ticket(acmeAdmin, subject);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        Api.Reply created = create(
                acmeAdmin,
                Map.of("name", "Reporting", "scopes", List.of("tickets:read"), "expires_at", expiresAt.toString()));

        assertThat(created.status()).isEqualTo(201);
        String token = created.text("token");
        assertThat(token).startsWith("sdat_" + acme.slug().value() + "_").hasSizeGreaterThan(60);
        JsonNode view = created.body().get("api_token");
        assertThat(view.get("name").asString()).isEqualTo("Reporting");
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.get("last_used_at").isNull()).isTrue();
        assertThat(Instant.parse(view.get("expires_at").asString())).isEqualTo(expiresAt);

        assertThat(subjects(token)).contains(subject);

        JsonNode listed = listed(view.get("id").asLong());
        assertThat(listed.get("last_used_at").isNull()).as("last use recorded").isFalse();
        assertThat(listed.get("created_by").asString()).isNotBlank();
        assertThat(listed.get("created_by_name").asString()).isNotBlank();
        assertThat(listed.get("scopes").values().stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("tickets:read");
        Api.Reply list = api.get("/api/v1/api-tokens", acmeAdmin);
        assertThat(list.body().toString())
                .as("never the secret")
                // The secret is base64url and may itself hold '_': cut the known prefix, not at the last '_'.
                .doesNotContain(token.substring(
                        ("sdat_" + acme.slug().value() + "_" + view.get("id").asLong() + "_").length()));
        assertThat(list.body().findValues("token")).isEmpty();

        Api.Reply audit = api.get("/api/v1/audit-log?action=api-tokens", acmeAdmin);
        assertThat(audit.body().get("items").values().stream()
                        .map(entry -> entry.get("action").asString())
                        .toList())
                .contains("POST /api/v1/api-tokens");
    }

    @Test
    void aTokenWithWriteScopeActsAsTheIntegrationNamedInTheTicketsHistory() {
        String token = token(acmeAdmin, "tickets:read", "tickets:write");
        String subject = "Opened by integration " + unique();

        long ticket = ticket(token, subject);
        Api.Reply note = api.send(
                HttpMethod.POST, "/api/v1/tickets/" + ticket + "/notes", token, Map.of("body", "<p>Synced</p>"));

        assertThat(note.status()).as("%s", note.body()).isEqualTo(201);
        assertThat(subjects(token)).contains(subject);
        List<JsonNode> entries = api
                .get("/api/v1/audit-log?user_id=api-token:" + id(token), acmeAdmin)
                .body()
                .get("items")
                .values()
                .stream()
                .toList();
        // ticket work is in the ticket's own history, under the integration's name; the audit log keeps the
        // workspace's configuration (a token's changes there are recorded like an admin's)
        assertThat(entries)
                .extracting(entry -> entry.get("action").asString())
                .doesNotContain("POST /api/v1/tickets", "POST /api/v1/tickets/{id}/notes");
        Api.Reply history = api.get("/api/v1/tickets/" + ticket + "/activities", acmeAdmin);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().toString()).contains("API token ");
    }

    @Test
    void aTokenIsRefusedOutsideItsScopesAndNeverReachesAdminAreas() {
        String readTickets = token(acmeAdmin, "tickets:read");

        assertProblem(api.send(HttpMethod.POST, "/api/v1/tickets", readTickets, Map.of("subject", "x")), 403);
        assertProblem(api.get("/api/v1/contacts", readTickets), 403);
        assertProblem(api.get("/api/v1/kb/articles", readTickets), 403);
        assertThat(api.get("/api/v1/ticket-statuses", readTickets).status()).isEqualTo(200);

        String everything = token(acmeAdmin, ALL_SCOPES.toArray(String[]::new));
        assertThat(api.get("/api/v1/contacts", everything).status()).isEqualTo(200);
        for (String adminArea : List.of(
                "/api/v1/api-tokens",
                "/api/v1/agent/list",
                "/api/v1/settings/smtp",
                "/api/v1/webhooks",
                "/api/v1/audit-log",
                "/api/v1/departments",
                "/api/v1/me",
                "/api/v1/tickets/exports")) {
            assertProblem(api.get(adminArea, everything), 403);
        }
        Api.Reply selfMade = create(everything, ALL_SCOPES, Instant.now().plus(Duration.ofDays(1)));
        assertProblem(selfMade, 403);
        assertThat(selfMade.text("detail")).contains("scopes");
    }

    @Test
    void aTokenWorksOnlyInItsOwnWorkspace() {
        String acmeSubject = "Acme only " + unique();
        ticket(acmeAdmin, acmeSubject);
        String globexToken = token(globexAdmin, "tickets:read");

        assertThat(subjects(globexToken)).doesNotContain(acmeSubject);
        // the same token id and secret presented as acme's: acme's schema has no such token
        String asAcme = globexToken.replace(
                "sdat_" + globex.slug().value() + "_", "sdat_" + acme.slug().value() + "_");
        assertProblem(api.get("/api/v1/tickets", asAcme), 401);
        assertProblem(api.get("/api/v1/tickets", "sdat_no-such-workspace_1_" + "A".repeat(43)), 401);
        assertProblem(api.get("/api/v1/tickets", "sdat_garbage"), 401);

        String acmeToken = token(acmeAdmin, "tickets:read");
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + id(acmeToken), globexAdmin, null)
                        .status())
                .isIn(204, 404);
        assertThat(api.get("/api/v1/tickets", acmeToken).status())
                .as("another workspace's admin cannot revoke it")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/api-tokens?limit=100", globexAdmin).body().toString())
                .doesNotContain(acme.slug().value());
    }

    @Test
    void revokedAndExpiredTokensAreRefusedWith401() {
        String token = token(acmeAdmin, "tickets:read");
        assertThat(api.get("/api/v1/tickets", token).status()).isEqualTo(200);

        assertThat(api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + id(token), acmeAdmin, null)
                        .status())
                .isEqualTo(204);

        Api.Reply revoked = api.get("/api/v1/tickets", token);
        assertProblem(revoked, 401);
        assertThat(revoked.text("detail")).contains("revoked");
        assertThat(listed(id(token)).get("status").asString()).isEqualTo("REVOKED");
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + id(token), acmeAdmin, null)
                        .status())
                .as("revoking again changes nothing")
                .isEqualTo(204);
        assertProblem(api.send(HttpMethod.DELETE, "/api/v1/api-tokens/999999", acmeAdmin, null), 404);

        Api.Reply shortLived =
                create(acmeAdmin, List.of("tickets:read"), Instant.now().plusSeconds(2));
        String expiring = shortLived.text("token");
        assertThat(api.get("/api/v1/tickets", expiring).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Api.Reply expired = api.get("/api/v1/tickets", expiring);
                    assertProblem(expired, 401);
                    assertThat(expired.text("detail")).contains("expired");
                });
        assertThat(listed(id(expiring)).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void agentsCustomersAndAnonymousCallersCannotManageTokens() {
        String token = token(acmeAdmin, "tickets:read");
        Map<String, Object> body = Map.of(
                "name",
                "Sneaky",
                "scopes",
                List.of("tickets:read"),
                "expires_at",
                Instant.now().plusSeconds(3600).toString());

        for (String caller : Arrays.asList(acmeAgent, acmeCustomer, null)) {
            int expected = caller == null ? 401 : 403;
            assertProblem(api.get("/api/v1/api-tokens", caller), expected);
            assertProblem(create(caller, body), expected);
            assertProblem(api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + id(token), caller, null), expected);
        }
        assertThat(api.get("/api/v1/tickets", token).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        Map<String, Object> unknownScope = Map.of(
                "name", "x", "scopes", List.of("tickets:read", "agents:manage"), "expires_at", tomorrow.toString());
        Map<String, Object> past = Map.of(
                "name",
                "x",
                "scopes",
                List.of("tickets:read"),
                "expires_at",
                Instant.now().minusSeconds(60).toString());
        Map<String, Object> tooFar = Map.of(
                "name",
                "x",
                "scopes",
                List.of("tickets:read"),
                "expires_at",
                Instant.now().plus(Duration.ofDays(400)).toString());
        Map<String, Object> noName = Map.of("scopes", List.of("tickets:read"), "expires_at", tomorrow.toString());
        Map<String, Object> noScopes = Map.of("name", "x", "scopes", List.of(), "expires_at", tomorrow.toString());
        Map<String, Object> noExpiry = Map.of("name", "x", "scopes", List.of("tickets:read"));

        Map<Map<String, Object>, String> cases = Map.of(
                unknownScope, "scopes",
                past, "expires_at",
                tooFar, "expires_at",
                noName, "name",
                noScopes, "scopes",
                noExpiry, "expires_at");
        cases.forEach((body, field) -> {
            Api.Reply refused = create(acmeAdmin, body);
            assertProblem(refused, 422);
            assertThat(field(refused)).as("%s", body).isEqualTo(field);
        });
    }

    @Test
    void eachTokenHasItsOwnRateLimitWithTheRateLimitFields() throws Exception {
        String token = token(acmeAdmin, "tickets:read");
        String other = token(acmeAdmin, "tickets:read");
        HttpResponse<String> reply;
        int served = 0;
        try (HttpClient http = HttpClient.newHttpClient()) {
            do {
                reply = get(http, token);
                served += reply.statusCode() == 200 ? 1 : 0;
            } while (reply.statusCode() == 200 && served < 1000);
            // the bucket refills by 5 a second while the loop runs: at least the capacity passes, then it stops
            assertThat(served).isBetween(300, 999);
            assertThat(reply.statusCode()).isEqualTo(429);
            assertThat(reply.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(reply.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
            assertThat(reply.headers().firstValue("RateLimit-Policy")).hasValue("\"api-token\";q=300;w=60");
            assertThat(reply.headers().firstValue("RateLimit"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("\"api-token\";r=0;t="));

            HttpResponse<String> fresh = get(http, other);
            assertThat(fresh.statusCode()).as("another token counts its own").isEqualTo(200);
            assertThat(fresh.headers().firstValue("RateLimit"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("\"api-token\";r=299;"));
        }
        assertThat(api.get("/api/v1/ticket-statuses", acmeAdmin).status())
                .as("realm users are not limited by it")
                .isEqualTo(200);
    }

    private HttpResponse<String> get(HttpClient http, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ticket-statuses"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
