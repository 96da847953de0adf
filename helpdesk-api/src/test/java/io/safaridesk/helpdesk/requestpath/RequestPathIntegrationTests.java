package io.safaridesk.helpdesk.requestpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.WireStatements;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request costs the database, counted on the wire (every statement the driver sends, {@code BEGIN},
 * {@code COMMIT} and {@code set search_path} included): upper bounds, so that the request path cannot grow fat again
 * unnoticed. Measured once the workspace's caches are warm, as in steady use.
 */
class RequestPathIntegrationTests extends TwoWorkspaceApiTests {

    static final String LIST = "/api/v1/tickets?status=Open&priority=high,critical&q=printer+toner&limit=25";

    private WireStatements wire;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void recordRequestThreads() {
        wire = WireStatements.recording(thread -> thread.getName().startsWith("tomcat-handler"));
    }

    @AfterEach
    void stopRecording() {
        wire.close();
    }

    @Test
    void aTicketCreateRunsAtMostTenStatementsInOneTransaction() {
        create(acmeAdmin);
        create(acmeAdmin);

        wire.reset();
        Api.Reply created = create(acmeAdmin);

        assertThat(created.status()).isEqualTo(201);
        List<String> statements = wire.statements();
        print("create", statements);
        assertThat(statements).hasSizeLessThanOrEqualTo(10);
        assertThat(wire.transactions()).isEqualTo(1);
        assertThat(statements).noneMatch(sql -> sql.contains("current_schema"));
    }

    @Test
    void aFilteredTicketListPageRunsAtMostFiveStatementsInOneTransaction() {
        create(acmeAdmin);
        api.get(LIST, acmeAdmin);
        api.get(LIST, acmeAdmin);

        wire.reset();
        Api.Reply page = api.get(LIST, acmeAdmin);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items")).isNotEmpty();
        List<String> statements = wire.statements();
        print("list", statements);
        assertThat(statements).hasSizeLessThanOrEqualTo(5);
        assertThat(wire.transactions()).isEqualTo(1);
    }

    @Test
    void anAuthenticatedMeIsServedFromTheWorkspaceCacheWithoutAStatement() {
        api.get("/api/v1/me", acmeAdmin);

        wire.reset();
        Api.Reply me = api.get("/api/v1/me", acmeAdmin);

        assertThat(me.status()).isEqualTo(200);
        print("me", wire.statements());
        assertThat(wire.statements()).isEmpty();
    }

    @Test
    void changesMadeByAnotherInstanceShowWithinFiveSeconds() {
        String agent = acme.token(acme.addUser("agent"));
        assertThat(api.get("/api/v1/tickets?limit=1", agent).status()).isEqualTo(200);
        assertThat(statusNames()).contains("On hold").doesNotContain("Parked elsewhere");
        String schema = acme.slug().schemaName();
        JdbcClient sql = JdbcClient.create(dataSource);

        // another instance writes the tables; this one hears nothing of it
        sql.sql("update " + schema + ".ticket_statuses set name = 'Parked elsewhere', version = version + 1"
                        + " where name = 'On hold'")
                .update();
        sql.sql("update " + schema + ".agents set active = false, version = version + 1 where keycloak_user_id = ?")
                .param(subject(agent))
                .update();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(statusNames()).contains("Parked elsewhere"));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                api.get("/api/v1/tickets?limit=1", agent).status())
                        .isEqualTo(403));
        assertThat(api.get("/api/v1/ticket-statuses", globexAdmin).body().toString())
                .as("another workspace's cache is its own")
                .doesNotContain("Parked elsewhere");
    }

    @Test
    void thisInstancesOwnChangeShowsAtOnce() {
        JsonNode pending = status("Pending");
        statusNames();

        Api.Reply renamed = api.send(
                HttpMethod.PUT,
                "/api/v1/ticket-statuses/" + pending.get("id").asLong(),
                acmeAdmin,
                Map.of(
                        "name",
                        "Awaiting reply",
                        "category",
                        pending.get("category").asString()));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(statusNames()).contains("Awaiting reply").doesNotContain("Pending");
    }

    private List<String> statusNames() {
        return api.get("/api/v1/ticket-statuses", acmeAdmin)
                .body()
                .valueStream()
                .map(s -> s.get("name").asString())
                .toList();
    }

    private JsonNode status(String name) {
        return api.get("/api/v1/ticket-statuses", acmeAdmin)
                .body()
                .valueStream()
                .filter(s -> s.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String subject(String token) {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JsonMapper.builder().build().readTree(payload).get("sub").asString();
    }

    private Api.Reply create(String token) {
        return api.send(
                HttpMethod.POST,
                "/api/v1/tickets",
                token,
                Map.of(
                        "subject",
                        "Printer toner empty",
                        "description",
                        "<p>The printer on floor 2 says toner is empty</p>",
                        "priority",
                        "high",
                        "requester",
                        Map.of("email", "client-1@bench.test", "name", "C")));
    }

    private void print(String request, List<String> statements) {
        System.out.printf("%s: %d statements, %d parses%n", request, statements.size(), wire.parses());
        statements.forEach(sql -> System.out.println("  " + sql));
    }
}
