package io.safaridesk.provisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.infra.cli.OperatorClient;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code safaridesk tenant|cell ...} through the launcher's thin client, answered by this running service: the same
 * output and exit codes as the in-process CLI, and only for the local operator who holds the run's token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "safaridesk.provisioning.runner-enabled=false",
            "safaridesk.operator.token=" + OperatorCommandIntegrationTests.TOKEN
        })
@ContextConfiguration(initializers = TestServicesInitializer.class)
class OperatorCommandIntegrationTests {

    static final String TOKEN = "the-token-of-this-run";

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    record Run(int exitCode, String out, String err) {}

    /** What {@code safaridesk up} leaves in its run folder: this JVM as the launcher, this service, the token. */
    @BeforeEach
    void aRunningStackWithThisService() throws IOException {
        Path run = Files.createDirectories(home.resolve("run"));
        Files.writeString(
                run.resolve("stack.properties"),
                "pid=" + ProcessHandle.current().pid() + "\nnames=tenant-provisioning\n"
                        + "url.tenant-provisioning=http\\://127.0.0.1\\:" + port + "\n");
        Files.writeString(run.resolve("stack.env"), "SAFARIDESK_DB_URL='jdbc:postgresql://stack/safaridesk'\n");
        Files.writeString(run.resolve("operator-token"), TOKEN);
        env.put("SAFARIDESK_HOME", home.toString());
    }

    @Test
    void answersTheCommandsWithTheirOutputAndExitCodes() {
        Run list = client("tenant", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(JsonMapper.shared().readTree(list.out()).isArray()).isTrue();

        Run cells = client("cell", "list");
        assertThat(cells.exitCode()).as(cells.err()).isZero();
        assertThat(cells.out()).contains("NAME").contains("cell(s)");

        Run unknown = client(
                "tenant", "show", "nobody-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(unknown.exitCode()).isEqualTo(TenantCli.NOT_FOUND);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("safaridesk tenant: ");

        Run badArguments = client("tenant", "deprovision", "acme", "--confirm", "other");
        assertThat(badArguments.exitCode()).isEqualTo(TenantCli.USAGE);
        assertThat(badArguments.err()).contains("--confirm");

        Run help = client("cell", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Operate realm cells");
    }

    @Test
    void leavesTheCommandToTheCallerWhenTheTokenIsNotThisRunsOrTheTargetIsAnother() throws IOException {
        env.put("SAFARIDESK_DB_URL", "jdbc:postgresql://elsewhere/safaridesk");
        assertThat(client("tenant", "list").exitCode()).isEqualTo(OperatorClient.NO_SERVICE);

        env.put("SAFARIDESK_DB_URL", "jdbc:postgresql://stack/safaridesk");
        Files.writeString(home.resolve("run/operator-token"), "a-token-of-another-run");
        assertThat(client("tenant", "list").exitCode()).isEqualTo(OperatorClient.NO_SERVICE);
    }

    @Test
    void refusesACallerWithoutTheTokenAsAProblem() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/operator/tenant"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", "Bearer wrong")
                            .POST(HttpRequest.BodyPublishers.ofString("arg=list"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("operator token");
        }
    }

    private Run client(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OperatorClient.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
