package io.safaridesk.helpdesk.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.worker.WorkerApplication;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * The three services' metrics and one trace across the queue: a ticket created over HTTP (with a caller's W3C
 * {@code traceparent}) is written with its trace to the outbox, published to RabbitMQ by a real worker (started in
 * this JVM on queues of its own), handled there and its acknowledgement mail sent over SMTP, all in that one trace;
 * the worker's log line of the handling carries the trace id. Then every service's
 * {@code /actuator/prometheus} names the product's metrics.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.tracing.sampling.probability=1.0",
            "management.opentelemetry.tracing.export.schedule-delay=100ms"
        })
@org.springframework.test.context.ContextConfiguration(initializers = TestServicesInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

    static final CollectedSpans spans = new CollectedSpans();
    static TestWorkspace workspace;
    static String admin;
    static ConfigurableApplicationContext worker;

    @Value("${local.server.port}")
    int port;

    @TestConfiguration
    static class Exporter {
        @Bean
        CollectedSpans collectedSpans() {
            return spans;
        }
    }

    @BeforeAll
    static void workspaceWithItsAdmin() {
        workspace = TestWorkspaces.provision("obs");
        admin = workspace.token(workspace.admin());
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    /** A worker of its own: relay and mail delivery on timers, every trace sampled, spans collected here. */
    static ConfigurableApplicationContext startWorker() {
        // the JVM's logging is set up once, by the first context: the handling's debug line is switched on here
        LoggingSystem.get(ObservabilityIntegrationTests.class.getClassLoader())
                .setLogLevel("io.safaridesk.worker.notification", LogLevel.DEBUG);
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put(
                "safaridesk.messaging.queue-prefix",
                "safaridesk.obs-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("safaridesk.messaging.queue-expires", "5m");
        settings.put("safaridesk.outbox.poll-interval", "100ms");
        settings.put("safaridesk.mail.poll-interval", "100ms");
        settings.put("safaridesk.inbound.enabled", "false");
        settings.put("management.tracing.sampling.probability", "1.0");
        settings.put("management.opentelemetry.tracing.export.schedule-delay", "100ms");
        // helpdesk-api's application.yml shadows the worker's on this classpath: the relay's confirms are set here
        settings.put("spring.rabbitmq.publisher-confirm-type", "simple");
        return new SpringApplicationBuilder(WorkerApplication.class)
                .initializers(new TestServicesInitializer())
                .initializers(context -> {
                    context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new MapPropertySource("observability-test-worker", settings));
                    context.getBeanFactory().registerSingleton("collectedSpans", spans);
                })
                .run();
    }

    @Test
    void oneTraceGoesFromTheRequestThroughTheOutboxAndRabbitMqToTheSmtpSend(CapturedOutput output) {
        worker = startWorker();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String requester = "requester-" + UUID.randomUUID() + "@customer.test";

        Api.Reply created = Api.at(port)
                .exchange(
                        HttpMethod.POST,
                        "/api/v1/tickets",
                        admin,
                        Map.of(
                                "subject", "Traced printer fire",
                                "description", "<p>It burns</p>",
                                "requester", Map.of("name", "Req Uester", "email", requester)),
                        Map.of(
                                "traceparent",
                                "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        assertThat(created.status()).isEqualTo(201);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> spans.ofTrace(traceId), ObservabilityIntegrationTests::reachesSmtp);
        assertThat(trace)
                .filteredOn(span -> span.getKind() == SpanKind.SERVER)
                .extracting(span -> span.getResource().getAttributes().asMap().toString())
                .anySatisfy(resource -> assertThat(resource).contains("helpdesk-api"));
        assertThat(trace).extracting(SpanData::getName).contains("outbox publish", "smtp send");
        assertThat(trace)
                .filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
                .as("the worker's handling of the message")
                .isNotEmpty();
        assertThat(output.getOut())
                .as("the worker's log line of the handling carries the trace id")
                .containsPattern(traceId + "-[0-9a-f]{16}\\][^\\n]*Handled ticket\\.created");

        String api = scrape(port);
        assertThat(api)
                .as("a workspace not named in safaridesk.metrics.workspaces counts as other")
                .containsPattern("safaridesk_tickets_opened_total\\{channel=\"api\",[^}]*workspace=\"other\"}")
                .contains("http_server_requests_seconds_bucket{")
                .contains("hikaricp_connections_active{")
                .contains("jvm_memory_used_bytes{");
        String workerMetrics = scrape(worker);
        assertThat(workerMetrics)
                .contains("safaridesk_mail_sent_total{outcome=\"sent\"")
                .contains("safaridesk_outbox_pending{")
                .contains("safaridesk_outbox_oldest_age_seconds{")
                .contains("safaridesk_queue_messages{concern=\"notifications\",queue=\"dead_letter\"")
                .contains("safaridesk_queue_messages{concern=\"notifications\",queue=\"work\"")
                .contains("spring_rabbit_listener_seconds_bucket{");
        String provisioning = scrape(TestWorkspaces.provisioning());
        assertThat(provisioning)
                .contains("safaridesk_provisioning_step_seconds_bucket{")
                .contains("step=\"create_realm\"")
                .contains("safaridesk_provisioning_jobs_total{outcome=\"done\"")
                .contains("safaridesk_realm_cell_capacity{cell=\"default\"");
    }

    private static boolean reachesSmtp(List<SpanData> trace) {
        return trace.stream().anyMatch(span -> span.getName().equals("smtp send"));
    }

    private static String scrape(int port) {
        return RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }

    /**
     * What the service's {@code /actuator/prometheus} serves, read from its registry: on helpdesk-api's test classpath
     * Spring Security guards the other services' endpoints too (their own jars have none).
     */
    private static String scrape(ConfigurableApplicationContext service) {
        return service.getBean(PrometheusMeterRegistry.class).scrape();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
