package io.safaridesk.helpdesk.requestpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.WireStatements;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * What a request costs the database, counted on the wire (every statement the driver sends, {@code BEGIN},
 * {@code COMMIT} and {@code set search_path} included): upper bounds, so that the request path cannot grow fat again
 * unnoticed. Measured once the workspace's caches are warm, as in steady use.
 */
class RequestPathIntegrationTests extends TwoWorkspaceApiTests {

    static final String LIST = "/api/v1/tickets?status=Open&priority=high,critical&q=printer+toner&limit=25";

    private WireStatements wire;

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

    private Api.Reply create(String token) {
        return api.send(
                HttpMethod.POST,
                "/api/v1/tickets",
                token,
                Map.of(
                        "subject", "Printer toner empty",
                        "description", "<p>The printer on floor 2 says toner is empty</p>",
                        "priority", "high",
                        "requester",
                        Map.of("email", "client-" + UUID.randomUUID().toString().substring(0, 4) + "@bench.test",
                                "name", "C")));
    }

    private void print(String request, List<String> statements) {
        System.out.printf("%s: %d statements, %d parses%n", request, statements.size(), wire.parses());
        statements.forEach(sql -> System.out.println("  " + sql));
    }
}
