package io.safaridesk.worker.inbound;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@code safaridesk mail ...} through the launcher's thin client to the running worker ({@code POST /operator/mail}):
 * the worker answers with the command's output and exit code, and only to the holder of the run's token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "safaridesk.operator.token=" + MailOperatorEndpointIntegrationTests.TOKEN,
            // the platform schema, as every worker test has it (WorkerIntegrationTest)
            "spring.flyway.enabled=true",
            "spring.flyway.schemas=platform",
            "spring.flyway.default-schema=platform",
            "spring.flyway.create-schemas=true",
            "spring.flyway.locations=classpath:db/platform",
            // no timers: this context must not take other tests' outbox rows or mail while it lives
            "safaridesk.outbox.relay-enabled=false",
            "safaridesk.mail.delivery-enabled=false",
            "safaridesk.webhooks.sweep-enabled=false",
            "safaridesk.satisfaction.sweep-enabled=false"
        })
@DirtiesContext
@ContextConfiguration(initializers = TestServicesInitializer.class)
class MailOperatorEndpointIntegrationTests {

    static final String TOKEN = "the-token-of-this-run";

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path home;

    /** What {@code safaridesk up} leaves in its run folder: this JVM as the launcher, this worker, the token. */
    @BeforeEach
    void aRunningStackWithThisWorker() throws IOException {
        Path run = Files.createDirectories(home.resolve("run"));
        Files.writeString(
                run.resolve("stack.properties"),
                "pid=" + ProcessHandle.current().pid() + "\nnames=worker\n" + "url.worker=http\\://127.0.0.1\\:" + port
                        + "\n");
        Files.writeString(run.resolve("stack.env"), "SAFARIDESK_DB_URL='jdbc:postgresql://stack/safaridesk'\n");
        Files.writeString(run.resolve("operator-token"), TOKEN);
    }

    @Test
    void theThinClientGetsTheCommandsOutputAndExitCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int listed = OperatorClient.run(
                new String[] {"mail", "unroutable", "list", "--json"},
                Map.of("SAFARIDESK_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int unknown = OperatorClient.run(
                new String[] {"mail", "unroutable", "show", "999999999"},
                Map.of("SAFARIDESK_HOME", home.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(listed).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).startsWith("[");
        assertThat(unknown).isEqualTo(MailCli.NOT_FOUND);
    }

    @Test
    void refusesACallerWithoutTheTokenAsAProblem() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/operator/mail"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", "Bearer wrong")
                            .POST(HttpRequest.BodyPublishers.ofString("arg=unroutable&arg=list"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }
}
