package io.safaridesk.helpdesk.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.HelpdeskApiApplication;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.Stomp;
import io.safaridesk.helpdesk.testing.TestOutboxRelay;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;

/**
 * Real-time updates over STOMP: events of a change made through the API of a second helpdesk-api instance (in this
 * JVM) reach a client connected to the first through RabbitMQ; destinations are isolated between workspaces, users
 * and roles; bad frames get ERROR frames; expired tokens end the session.
 */
class RealtimeIntegrationTests extends TwoWorkspaceApiTests {

    private static ConfigurableApplicationContext second;
    private static TestOutboxRelay relay;
    private static Api secondApi;

    private final Stomp stomp = Stomp.client();

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void secondInstance() {
        second = new SpringApplicationBuilder(HelpdeskApiApplication.class)
                .initializers(
                        new TestServicesInitializer(),
                        context -> context.getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource("second-instance", Map.of("server.port", "0"))))
                .run();
        secondApi = Api.at(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        relay = TestOutboxRelay.start(second.getBean(DataSource.class));
    }

    @AfterAll
    static void stopSecondInstance() {
        relay.close();
        second.close();
    }

    @Test
    void agentSeesAChangeMadeOnAnotherInstanceWithinASecondOfItsPublication() {
        Stomp.Connection agent = stomp.connect(port, agentToken()).awaitConnected();
        BlockingQueue<JsonNode> tickets = agent.subscribe(topic(acme, "tickets"));
        settle();

        long ticket = ticket(secondApi, acmeAdmin, null);
        JsonNode created = next(tickets, Duration.ofSeconds(10));
        Instant arrived = Instant.now();

        assertThat(created).isNotNull();
        assertThat(created.get("type").asString()).isEqualTo("ticket.created");
        assertThat(created.get("workspace").asString()).isEqualTo(acme.slug().value());
        assertThat(created.get("event").get("ticket_id").asLong()).isEqualTo(ticket);
        // the event's id is its outbox row's; the relay marks the row with the start of its publishing transaction,
        // so this is an upper bound of publication + fan-out (the REST call and the relay's poll wait are left out)
        Instant published = JdbcClient.create(dataSource)
                .sql("select published_at from platform.outbox where id = ?::uuid")
                .param(created.get("id").asString())
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(Duration.between(published, arrived)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void workspacesAndRolesCannotSubscribeToEachOthersDestinations() {
        String acmeAgent = agentToken();
        String acmeCustomer = acme.token(acme.addUser("customer"));
        List<String> refusedToGlobexAdmin = List.of(
                topic(acme, "tickets"),
                topic(acme, "tasks"),
                "/user/" + acme.slug().value() + "%2F" + UUID.randomUUID() + "/queue/notifications",
                "/queue/notifications",
                "/queue/notifications-user" + UUID.randomUUID(),
                "/topic/workspaces",
                "/user/queue/tickets");
        for (String destination : refusedToGlobexAdmin) {
            assertThat(refusal(globexAdmin, destination)).as(destination).isEqualTo("destination-refused");
        }
        // a customer gets neither the staff topics nor the staff notifications
        for (String destination : List.of(topic(acme, "tickets"), topic(acme, "tasks"), "/user/queue/notifications")) {
            assertThat(refusal(acmeCustomer, destination)).as(destination).isEqualTo("destination-refused");
        }
        // another user's queue, named outright
        assertThat(refusal(acmeAgent, "/user/" + acme.slug().value() + "%2F" + UUID.randomUUID() + "/queue/tickets"))
                .isEqualTo("destination-refused");

        // while their own destinations are accepted (no ERROR)
        Stomp.Connection own = stomp.connect(port, acmeAgent).awaitConnected();
        own.subscribe(topic(acme, "tickets"));
        own.subscribe(topic(acme, "tasks"));
        own.subscribe("/user/queue/notifications");
        assertThat(own.nextError(Duration.ofMillis(500))).isNull();
        own.disconnect();
    }

    @Test
    void eventsOfOneWorkspaceNeverReachAnother() {
        Stomp.Connection globexStaff = stomp.connect(port, globexAdmin).awaitConnected();
        BlockingQueue<JsonNode> globexTickets = globexStaff.subscribe(topic(globex, "tickets"));
        Stomp.Connection acmeStaff = stomp.connect(port, acmeAdmin).awaitConnected();
        BlockingQueue<JsonNode> acmeTickets = acmeStaff.subscribe(topic(acme, "tickets"));
        settle();

        long acmeTicket = ticket(api, acmeAdmin, null);
        assertThat(next(acmeTickets, Duration.ofSeconds(10))
                        .get("event")
                        .get("ticket_id")
                        .asLong())
                .isEqualTo(acmeTicket);
        long globexTicket = ticket(api, globexAdmin, null);
        // globex's first event is its own ticket: acme's never came
        JsonNode first = next(globexTickets, Duration.ofSeconds(10));
        assertThat(first.get("workspace").asString()).isEqualTo(globex.slug().value());
        assertThat(first.get("event").get("ticket_id").asLong()).isEqualTo(globexTicket);
    }

    @Test
    void agentsReceiveOnlyTicketsTheyMaySeeAndTheirOwnNotifications() {
        long department = department();
        TestWorkspace.User user = acme.addUser("agent");
        String token = acme.token(user);
        api.get("/api/v1/me", token);
        long agentId = agentId(user.username());
        Stomp.Connection agent = stomp.connect(port, token).awaitConnected();
        BlockingQueue<JsonNode> tickets = agent.subscribe(topic(acme, "tickets"));
        BlockingQueue<JsonNode> notifications = agent.subscribe("/user/queue/notifications");
        Stomp.Connection other = stomp.connect(port, agentToken()).awaitConnected();
        BlockingQueue<JsonNode> othersNotifications = other.subscribe("/user/queue/notifications");
        settle();

        long hidden = ticket(api, acmeAdmin, department); // in a department the agent is not in
        long visible = ticket(api, acmeAdmin, null); // the triage queue, which every agent sees
        assertThat(next(tickets, Duration.ofSeconds(10))
                        .get("event")
                        .get("ticket_id")
                        .asLong())
                .as("the hidden ticket's event is not delivered")
                .isEqualTo(visible);

        // assigning the hidden ticket to the agent makes it theirs: the assignment arrives as a notification. Only
        // members of a ticket's department may take it, so the agent joins first (its session still knows the
        // departments of its CONNECT: the assignment, not the membership, makes the event visible to it)
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/agent/update/" + agentId,
                                acmeAdmin,
                                Map.of("name", "Agent Tester", "departments", List.of(department)))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/tickets/" + hidden + "/assignee",
                                acmeAdmin,
                                Map.of("agent_id", agentId))
                        .status())
                .isEqualTo(200);
        JsonNode assigned = next(notifications, Duration.ofSeconds(10));
        assertThat(assigned.get("type").asString()).isEqualTo("ticket.assigned");
        assertThat(assigned.get("event").get("ticket_id").asLong()).isEqualTo(hidden);
        assertThat(next(tickets, Duration.ofSeconds(10))
                        .get("event")
                        .get("ticket_id")
                        .asLong())
                .isEqualTo(hidden);
        assertThat(othersNotifications.poll())
                .as("another agent's notification")
                .isNull();
    }

    @Test
    void customersReceiveOnlyPublicEventsOfTheirOwnTickets() {
        TestWorkspace.User user = acme.addUser("customer");
        String customer = acme.token(user);
        String otherCustomer = acme.token(acme.addUser("customer"));
        // connected before their tickets exist: the tickets' creation is their first event
        Stomp.Connection own = stomp.connect(port, customer).awaitConnected();
        BlockingQueue<JsonNode> mine = own.subscribe("/user/queue/tickets");
        Stomp.Connection other = stomp.connect(port, otherCustomer).awaitConnected();
        BlockingQueue<JsonNode> theirs = other.subscribe("/user/queue/tickets");
        settle();

        Api.Reply opened = api.send(
                HttpMethod.POST,
                "/api/v1/portal/tickets",
                customer,
                Map.of("subject", "Cannot log in", "description", "<p>Help</p>"));
        assertThat(opened.status()).isEqualTo(201);
        long ticket = opened.body().get("id").asLong();
        Api.Reply theirsOpened = api.send(
                HttpMethod.POST, "/api/v1/portal/tickets", otherCustomer, Map.of("subject", "x", "description", "y"));
        assertThat(theirsOpened.status()).isEqualTo(201);
        long theirTicket = theirsOpened.body().get("id").asLong();

        JsonNode created = next(mine, Duration.ofSeconds(10));
        assertThat(created.get("type").asString()).isEqualTo("ticket.created");
        assertThat(created.get("event").get("ticket_id").asLong()).isEqualTo(ticket);

        api.send(HttpMethod.POST, "/api/v1/tickets/" + ticket + "/notes", acmeAdmin, Map.of("body", "password123"));
        api.send(HttpMethod.PATCH, "/api/v1/tickets/" + ticket, acmeAdmin, Map.of("priority", "high"));
        api.send(HttpMethod.POST, "/api/v1/tickets/" + ticket + "/replies", acmeAdmin, Map.of("body", "Try again"));

        JsonNode next = next(mine, Duration.ofSeconds(10));
        assertThat(next.get("type").asString())
                .as("the note and the internal update are not delivered")
                .isEqualTo("ticket.reply-added");
        assertThat(next.get("event").get("ticket_id").asLong()).isEqualTo(ticket);
        assertThat(next.get("event").has("actor_id")).isFalse();
        assertThat(next.get("event").has("author_agent_id")).isFalse();
        assertThat(next(mine, Duration.ofMillis(500)))
                .as("the other customer's ticket")
                .isNull();

        // the other customer hears of their own ticket only, never of this one
        JsonNode theirFirst = next(theirs, Duration.ofSeconds(10));
        assertThat(theirFirst.get("event").get("ticket_id").asLong()).isEqualTo(theirTicket);
        assertThat(theirs)
                .as("another customer's ticket")
                .allSatisfy(event ->
                        assertThat(event.get("event").get("ticket_id").asLong()).isEqualTo(theirTicket));
    }

    @Test
    void connectWithoutAValidTokenIsRefused() {
        assertThat(stomp.connect(port, null).nextError(Duration.ofSeconds(10))).isEqualTo("unauthenticated");
        assertThat(stomp.connect(port, "not-a-jwt").nextError(Duration.ofSeconds(10)))
                .isEqualTo("unauthenticated");
        // a token from a realm that is no workspace's
        String forged = acmeAdmin.substring(0, acmeAdmin.lastIndexOf('.')) + ".AAAA";
        assertThat(stomp.connect(port, forged).nextError(Duration.ofSeconds(10)))
                .isEqualTo("unauthenticated");
    }

    @Test
    void clientsCannotSendAndBadFramesGetAnErrorFrame() throws Exception {
        Stomp.Connection admin = stomp.connect(port, acmeAdmin).awaitConnected();
        admin.send(topic(acme, "tickets"), "{\"type\":\"ticket.created\"}");
        assertThat(admin.nextError(Duration.ofSeconds(10))).isEqualTo("send-refused");

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketSession raw = raw(frames);
        raw.sendMessage(new TextMessage("NOT-A-COMMAND\nfoo:bar\n\n\u0000"));
        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).startsWith("ERROR").contains("message:bad-frame").contains("application/problem+json");
        raw.close();

        // a SUBSCRIBE before CONNECT
        WebSocketSession early = raw(frames);
        early.sendMessage(new TextMessage("SUBSCRIBE\nid:1\ndestination:" + topic(acme, "tickets") + "\n\n\u0000"));
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("ERROR").contains("message:unauthenticated");
        early.close();
    }

    @Test
    void aSessionEndsWhenItsTokenExpires() {
        // a fresh agent (a second OTP credential on the admin would not be the one Keycloak checks); its profile is
        // made by the CONNECT itself. Only the realm's token lifespan changes, for this one login.
        TestWorkspace.User user = acme.addUser("agent");
        RealmResource realm = acme.keycloak().realm(acme.slug().realmName());
        Integer lifespan = realm.toRepresentation().getAccessTokenLifespan();
        String shortLived;
        try {
            realm.update(onlyAccessTokenLifespan(8));
            shortLived = acme.token(user);
        } finally {
            realm.update(onlyAccessTokenLifespan(lifespan));
        }
        Stomp.Connection session = stomp.connect(port, shortLived).awaitConnected();
        session.subscribe(topic(acme, "tickets"));
        assertThat(session.nextError(Duration.ofMillis(500)))
                .as("no ERROR while the token is valid")
                .isNull();
        assertThat(session.nextError(Duration.ofSeconds(15))).isEqualTo("token-expired");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !session.isConnected());
    }

    private static RealmRepresentation onlyAccessTokenLifespan(Integer seconds) {
        RealmRepresentation change = new RealmRepresentation();
        change.setAccessTokenLifespan(seconds);
        return change;
    }

    /** A WebSocket without STOMP client: its text frames go to {@code frames}. */
    private WebSocketSession raw(BlockingQueue<String> frames) throws Exception {
        return new StandardWebSocketClient()
                .execute(
                        new TextWebSocketHandler() {
                            @Override
                            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                                frames.add(message.getPayload());
                            }
                        },
                        new WebSocketHttpHeaders(),
                        URI.create("ws://127.0.0.1:" + port + "/ws"))
                .get(10, TimeUnit.SECONDS);
    }

    /** A new agent of acme with its agent profile (made on its first API call). */
    private String agentToken() {
        String token = acme.token(acme.addUser("agent"));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        return token;
    }

    private static String topic(TestWorkspace workspace, String kind) {
        return "/topic/workspaces/" + workspace.slug().value() + "/" + kind;
    }

    /** The ERROR frame's message when {@code token}'s session subscribes to {@code destination}. */
    /**
     * The ERROR frame that refuses a subscription. Under heavy load the server's close can overtake its ERROR frame
     * (the connection ends either way, nothing is delivered); such a bare close is tried again, at most twice, so the
     * test still demands the problem type.
     */
    private String refusal(String token, String destination) {
        String error = null;
        for (int attempt = 0; attempt < 3 && (error == null || error.startsWith("transport:")); attempt++) {
            Stomp.Connection connection = stomp.connect(port, token).awaitConnected();
            connection.subscribe(destination);
            error = connection.nextError(Duration.ofSeconds(10));
        }
        return error;
    }

    private long ticket(Api through, String token, Long department) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Printer on fire " + UUID.randomUUID());
        body.put("description", "<p>It burns</p>");
        body.put("requester", Map.of("name", "Req Uester", "email", "req@example.org"));
        if (department != null) {
            body.put("department_id", department);
        }
        Api.Reply created = through.send(HttpMethod.POST, "/api/v1/tickets", token, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private long department() {
        return api.send(
                        HttpMethod.POST,
                        "/api/v1/department/create",
                        acmeAdmin,
                        Map.of("name", "Dept " + UUID.randomUUID().toString().substring(0, 8)))
                .body()
                .get("id")
                .asLong();
    }

    private long agentId(String username) {
        return api.get("/api/v1/agent/list?search=" + username, acmeAdmin)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    private static JsonNode next(BlockingQueue<JsonNode> queue, Duration wait) {
        try {
            return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SUBSCRIBE is asynchronous: give the broker a moment to register it before the change. */
    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
