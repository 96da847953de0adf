package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.testing.TcpProxy;
import io.safaridesk.platform.testing.TestHttp;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL cut off under a burst of ticket creates and replies: helpdesk-api reaches its database through a
 * {@link TcpProxy} that drops every open connection and refuses new ones for a while, then lets them through again.
 * Every write answered 2xx is stored exactly once, with exactly one outbox event; nothing is stored half (a ticket
 * without its event, an event without its ticket); requests during the cut are {@code 503 database-unavailable} with
 * {@code Retry-After}, never a 500; and the service serves again by itself once the database is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=2000")
@ContextConfiguration(
        initializers = {TestServicesInitializer.class, DatabaseRestartIntegrationTests.ThroughProxy.class})
class DatabaseRestartIntegrationTests {

    private static final int CLIENTS = 8;
    private static final Duration BEFORE_CUT = Duration.ofSeconds(4);
    private static final Duration CUT = Duration.ofSeconds(8);
    private static final Duration AFTER_CUT = Duration.ofSeconds(8);

    private static TcpProxy proxy;

    /** Points helpdesk-api's connection pool at a proxy in front of the test PostgreSQL. */
    static final class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            URI database =
                    URI.create(TestServices.endpoints().database().jdbcUrl().substring("jdbc:".length()));
            proxy = TcpProxy.to(database);
            String proxied = "jdbc:" + proxy.url(database);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "database-through-proxy",
                            Map.of("SAFARIDESK_DB_URL", proxied, "spring.datasource.url", proxied)));
        }
    }

    /** How one write was answered. */
    record Answer(String kind, String marker, int status, String type, String retryAfter, MediaType contentType) {}

    @Value("${local.server.port}")
    int port;

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void everyAnsweredWriteIsStoredOnceWithOneEventAndTheCutIsA503() throws Exception {
        TestWorkspace workspace = TestWorkspaces.provision("pgcut");
        String token = workspace.token(workspace.admin());
        RestClient http = TestHttp.at(port);
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Answer created = create(http, token, "before-" + i);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            tickets.add(ticketId(workspace, "before-" + i));
        }

        Map<String, Answer> answers = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < CLIENTS; c++) {
            long ticket = tickets.get(c);
            clients.submit(() -> {
                RestClient client = TestHttp.at(port);
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    Answer answer = n % 2 == 0
                            ? create(client, token, "create-" + n)
                            : reply(client, token, ticket, "reply-" + n);
                    answers.put(answer.marker(), answer);
                }
                return null;
            });
        }
        Thread.sleep(BEFORE_CUT);
        proxy.stop();
        Instant cutAt = Instant.now();
        Thread.sleep(CUT);
        proxy.heal();
        Instant healedAt = Instant.now();
        Thread.sleep(AFTER_CUT);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        // recovers by itself: the next write is stored, with no help from the test
        Answer after = create(http, token, "after");
        assertThat(after.status()).as("%s", after).isEqualTo(201);

        List<Answer> all = new ArrayList<>(answers.values());
        List<Answer> stored = all.stream().filter(a -> a.status() / 100 == 2).toList();
        List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
        System.out.printf(
                "PostgreSQL cut %d s (at %s, healed %s): %d writes, %d answered 2xx, %d answered 503%n",
                CUT.toSeconds(), cutAt, healedAt, all.size(), stored.size(), unavailable.size());

        assertThat(all)
                .as("every write is answered 2xx, or 503 while the database is cut off; never a 500")
                .allSatisfy(a -> assertThat(a.status()).as("%s", a).isIn(201, 503));
        assertThat(unavailable).as("the cut was felt").isNotEmpty();
        assertThat(unavailable).allSatisfy(a -> {
            assertThat(a.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("%s", a)
                    .isTrue();
            assertThat(a.type()).as("%s", a).isEqualTo("https://safaridesk.io/problems/database-unavailable");
            assertThat(a.retryAfter()).as("%s", a).isEqualTo("5");
        });
        assertThat(stored).as("writes went on before and after the cut").hasSizeGreaterThan(2 * CLIENTS);

        JdbcClient direct = TestWorkspaces.provisioning().getBean(JdbcClient.class);
        String schema = workspace.slug().schemaName();
        String slug = workspace.slug().value();
        for (Answer answer : all) {
            long copies = answer.kind().equals("create")
                    ? direct.sql("select count(*) from " + schema + ".tickets where subject = ?")
                            .param(answer.marker())
                            .query(Long.class)
                            .single()
                    : direct.sql("select count(*) from " + schema + ".ticket_messages where body_text = ?")
                            .param(answer.marker())
                            .query(Long.class)
                            .single();
            if (answer.status() == 201) {
                assertThat(copies)
                        .as("%s answered 201 is stored exactly once", answer)
                        .isEqualTo(1);
            } else {
                assertThat(copies)
                        .as("%s answered 503 is stored at most once", answer)
                        .isLessThanOrEqualTo(1);
            }
        }

        assertThat(direct.sql("select count(*) from " + schema + ".tickets t where (select count(*) from"
                                + " platform.outbox o where o.tenant_slug = ? and o.type = 'ticket.created' and"
                                + " (o.payload ->> 'ticket_id')::bigint = t.id) <> 1")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .as("tickets without exactly one ticket.created event")
                .isZero();
        assertThat(direct.sql("select count(*) from platform.outbox o where o.tenant_slug = ? and o.type ="
                                + " 'ticket.created' and not exists (select 1 from " + schema
                                + ".tickets t where t.id = (o.payload ->> 'ticket_id')::bigint)")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .as("ticket.created events without their ticket")
                .isZero();
        assertThat(direct.sql("select count(*) from " + schema + ".ticket_messages m where m.body_text like"
                                + " 'reply-%' and (select count(*) from platform.outbox o where o.tenant_slug = ? and"
                                + " o.type = 'ticket.reply-added' and (o.payload ->> 'message_id')::bigint = m.id)"
                                + " <> 1")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .as("replies without exactly one ticket.reply-added event")
                .isZero();
        assertThat(direct.sql("select count(*) from platform.outbox o where o.tenant_slug = ? and o.type ="
                                + " 'ticket.reply-added' and not exists (select 1 from " + schema
                                + ".ticket_messages m where m.id = (o.payload ->> 'message_id')::bigint)")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .as("ticket.reply-added events without their reply")
                .isZero();

        TestWorkspaces.operations().deprovision(workspace.slug());
    }

    private static long ticketId(TestWorkspace workspace, String subject) {
        return TestWorkspaces.provisioning()
                .getBean(JdbcClient.class)
                .sql("select id from " + workspace.slug().schemaName() + ".tickets where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private static Answer create(RestClient http, String token, String subject) {
        return send(
                http,
                token,
                "create",
                subject,
                "/api/v1/tickets",
                Map.of(
                        "subject",
                        subject,
                        "description",
                        "<p>Written while the database may be cut off</p>",
                        "priority",
                        "high",
                        "requester",
                        Map.of("email", "client-1@pgcut.test", "name", "C")));
    }

    private static Answer reply(RestClient http, String token, long ticket, String body) {
        return send(http, token, "reply", body, "/api/v1/tickets/" + ticket + "/replies", Map.of("body", body));
    }

    private static Answer send(RestClient http, String token, String kind, String marker, String path, Object body) {
        return http.post()
                .uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    JsonNode json =
                            bytes.length == 0 ? null : JsonMapper.shared().readTree(bytes);
                    return new Answer(
                            kind,
                            marker,
                            response.getStatusCode().value(),
                            json == null || json.get("type") == null
                                    ? null
                                    : json.get("type").asString(),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                            response.getHeaders().getContentType());
                });
    }
}
