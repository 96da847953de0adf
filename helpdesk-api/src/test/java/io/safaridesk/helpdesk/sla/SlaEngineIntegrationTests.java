package io.safaridesk.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.sla.SlaSweeps;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The SLA engine over the API with a clock the tests move: policies, the clocks of a ticket through its life, breach
 * sweeps raising each crossing once (also with two sweepers racing), SLA off, isolation, roles and bad input.
 */
@Import(SlaEngineIntegrationTests.ControlledTime.class)
class SlaEngineIntegrationTests extends TwoWorkspaceApiTests {

    private static final String POLICIES = "/api/v1/sla/policies";
    private static final Instant MONDAY_0900 = Instant.parse("2030-01-07T09:00:00Z");

    @TestConfiguration
    static class ControlledTime {
        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(MONDAY_0900);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    SlaSweeps sweeps;

    @Autowired
    JdbcClient jdbc;

    static String acmeAgent;
    static String acmeAgentEmail;
    static String acmeCustomer;
    static String globexCustomer;

    @BeforeAll
    static void peopleAndSlaOn() {
        TestWorkspace.User agent = acme.addUser("agent");
        acmeAgent = acme.token(agent);
        acmeAgentEmail = agent.username();
        acmeCustomer = acme.token(acme.addUser("customer"));
        globexCustomer = globex.token(globex.addUser("customer"));
    }

    @BeforeEach
    void slaOnInAcmeOnly() {
        for (String token : List.of(acmeAdmin, globexAdmin, acmeAgent, acmeCustomer, globexCustomer)) {
            api.get("/api/v1/me", token);
        }
        assertThat(api.get("/api/v1/settings", acmeAdmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/settings", globexAdmin).status()).isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/sla/config/update_config",
                                acmeAdmin,
                                Map.of("allow_sla", true, "at_risk_percent", 75))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTicketsClocksRunPauseResumeMeetBreachAndReopenAndTheLogExplainsEveryNumber() {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);
        Map<String, Object> policy = policy(
                unique("Portal"), calendar, category, target("MEDIUM", 60, 30, 240), target("HIGH", 60, 30, 240));
        Instant t0 = clock.instant();
        policy.put("escalation", Map.of("raise_priority", true));
        created(acmeAdmin, policy);
        long ticket = portalTicket(acmeCustomer, category);

        JsonNode start = sla(ticket, acmeAgent);
        assertThat(metric(start, "FIRST_RESPONSE").get("status").asString()).isEqualTo("within");
        assertThat(metric(start, "FIRST_RESPONSE").get("due_at").asString()).isEqualTo(at(t0, 60));
        assertThat(metric(start, "RESOLUTION").get("due_at").asString()).isEqualTo(at(t0, 240));
        assertThat(start.get("metrics")).hasSize(2);

        clock.advance(Duration.ofMinutes(20));
        status(ticket, "Pending");
        clock.advance(Duration.ofMinutes(60));
        JsonNode paused = sla(ticket, acmeAgent);
        assertThat(metric(paused, "FIRST_RESPONSE").get("status").asString()).isEqualTo("paused");
        assertThat(metric(paused, "FIRST_RESPONSE").get("elapsed_seconds").asLong())
                .isEqualTo(1200);
        assertThat(metric(paused, "RESOLUTION").get("remaining_seconds").asLong())
                .isEqualTo(220 * 60);

        status(ticket, "Open");
        JsonNode resumed = sla(ticket, acmeAgent);
        assertThat(metric(resumed, "FIRST_RESPONSE").get("due_at").asString()).isEqualTo(at(t0, 80 + 40));
        clock.advance(Duration.ofMinutes(30));
        assertThat(metric(sla(ticket, acmeAgent), "FIRST_RESPONSE")
                        .get("status")
                        .asString())
                .isEqualTo("at_risk");

        reply(ticket, acmeAgent, "/api/v1/tickets/");
        JsonNode met = sla(ticket, acmeAgent);
        assertThat(metric(met, "FIRST_RESPONSE").get("status").asString()).isEqualTo("met");
        assertThat(metric(met, "FIRST_RESPONSE").get("elapsed_seconds").asLong())
                .isEqualTo(50 * 60);

        clock.advance(Duration.ofMinutes(5));
        reply(ticket, acmeCustomer, "/api/v1/portal/tickets/");
        JsonNode waiting = sla(ticket, acmeAgent);
        assertThat(metric(waiting, "NEXT_RESPONSE").get("due_at").asString()).isEqualTo(at(t0, 115 + 30));

        clock.advance(Duration.ofMinutes(31));
        assertThat(sweep(acme).breached()).isPositive();
        sweep(acme);
        JsonNode breached = sla(ticket, acmeAgent);
        assertThat(metric(breached, "NEXT_RESPONSE").get("status").asString()).isEqualTo("breached");
        assertThat(metric(breached, "NEXT_RESPONSE").get("breached_at").asString())
                .isEqualTo(at(t0, 146));
        assertThat(api.get("/api/v1/tickets/" + ticket, acmeAgent).text("priority"))
                .isEqualTo("HIGH");
        assertThat(outbox(acme, ticket, "sla.breached")).isEqualTo(1);
        assertThat(outbox(acme, ticket, "sla.at-risk")).isEqualTo(1);
        assertThat(notifiedOfBreach(acme, ticket)).isNotEmpty();

        status(ticket, "Resolved");
        assertThat(metric(sla(ticket, acmeAgent), "RESOLUTION").get("status").asString())
                .isEqualTo("met");
        clock.advance(Duration.ofMinutes(10));
        status(ticket, "Open");
        JsonNode reopened = sla(ticket, acmeAgent);
        assertThat(metric(reopened, "RESOLUTION").get("status").asString()).isEqualTo("within");
        assertThat(metric(reopened, "RESOLUTION").get("elapsed_seconds").asLong())
                .isEqualTo((20 + 30 + 5 + 31) * 60);

        List<String> log = new ArrayList<>();
        reopened.get("events")
                .values()
                .forEach(e ->
                        log.add(e.get("metric").asString() + " " + e.get("kind").asString()));
        assertThat(log)
                .containsSubsequence(
                        "FIRST_RESPONSE activated",
                        "FIRST_RESPONSE paused",
                        "FIRST_RESPONSE resumed",
                        "FIRST_RESPONSE fulfilled",
                        "NEXT_RESPONSE activated",
                        "NEXT_RESPONSE at_risk",
                        "NEXT_RESPONSE breached",
                        "RESOLUTION fulfilled",
                        "RESOLUTION resumed");
        assertThat(api.get("/api/v1/ticket/get/sla/" + number(ticket), acmeAgent)
                        .body()
                        .get("metrics"))
                .hasSize(3);
    }

    @Test
    void aBreachAppliesThePolicysEscalationAsTheSystem() {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);
        long agentId = api.get("/api/v1/agent/list?search=" + acmeAgentEmail, acmeAdmin)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        Map<String, Object> policy = policy(unique("Escalating"), calendar, category, target("MEDIUM", 10, null, null));
        policy.put(
                "escalation", Map.of("raise_priority", false, "assignee_id", agentId, "watcher_ids", List.of(agentId)));
        created(acmeAdmin, policy);
        long ticket = portalTicket(acmeCustomer, category);

        clock.advance(Duration.ofMinutes(11));
        sweep(acme);

        JsonNode escalated = api.get("/api/v1/tickets/" + ticket, acmeAdmin).body();
        assertThat(escalated.get("assignee_id").asLong()).isEqualTo(agentId);
        assertThat(escalated.get("priority").asString()).isEqualTo("MEDIUM");
        assertThat(api.get("/api/v1/tickets/" + ticket + "/watchers", acmeAdmin)
                        .body()
                        .values())
                .extracting(w -> w.get("id").asLong())
                .contains(agentId);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/activities", acmeAdmin)
                        .body()
                        .get("items")
                        .values())
                .anyMatch(a -> "SLA escalation".equals(a.get("actor_name").asString()));
        assertThat(notifiedOfBreach(acme, ticket)).isNotEmpty();
    }

    @Test
    void aChangeOfPriorityRecomputesTheTargetsFromTheTicketsHistory() {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);
        created(
                acmeAdmin,
                policy(
                        unique("Tiered"),
                        calendar,
                        category,
                        target("MEDIUM", 120, null, 600),
                        target("HIGH", 30, null, 60)));
        Instant t0 = clock.instant();
        long ticket = portalTicket(acmeCustomer, category);
        clock.advance(Duration.ofMinutes(10));
        status(ticket, "Pending");
        clock.advance(Duration.ofMinutes(100));
        status(ticket, "Open");
        clock.advance(Duration.ofMinutes(5));

        Api.Reply raised = api.send(
                HttpMethod.PUT, "/api/v1/ticket/update/priority/" + ticket, acmeAgent, Map.of("priority", "HIGH"));
        assertThat(raised.status()).isEqualTo(200);

        JsonNode recomputed = sla(ticket, acmeAgent);
        JsonNode first = metric(recomputed, "FIRST_RESPONSE");
        assertThat(first.get("target_seconds").asLong()).isEqualTo(30 * 60);
        assertThat(first.get("elapsed_seconds").asLong()).isEqualTo(15 * 60);
        assertThat(first.get("due_at").asString()).isEqualTo(at(t0, 10 + 100 + 5 + 15));
        assertThat(recomputed.get("events").values())
                .anyMatch(e -> e.get("kind").asString().equals("recomputed"));
    }

    @Test
    void twoSweepersRacingRaiseEachBreachExactlyOnce() throws Exception {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);
        created(acmeAdmin, policy(unique("Race"), calendar, category, target("MEDIUM", 5, null, null)));
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tickets.add(portalTicket(acmeCustomer, category));
        }
        clock.advance(Duration.ofMinutes(6));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<SlaSweeps.Result> sweeper = () -> sweep(acme);
            List<Future<SlaSweeps.Result>> results = pool.invokeAll(List.of(sweeper, sweeper));
            int breached = 0;
            for (Future<SlaSweeps.Result> result : results) {
                breached += result.get().breached();
            }
            assertThat(breached).isGreaterThanOrEqualTo(tickets.size());
        } finally {
            pool.shutdown();
        }
        assertThat(sweep(acme).breached()).isZero();
        for (long ticket : tickets) {
            assertThat(outbox(acme, ticket, "sla.breached")).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from " + acme.slug().schemaName()
                                    + ".ticket_sla_events where ticket_id = ? and kind = 'BREACHED'")
                            .param(ticket)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void withSlaOffNoTargetsAreComputedAndNoBreachesRaised() {
        long category = category(globexAdmin);
        long calendar = roundTheClock(globexAdmin);
        created(globexAdmin, policy(unique("Off"), calendar, category, target("MEDIUM", 5, null, 10)));
        long ticket = portalTicket(globexCustomer, category);
        clock.advance(Duration.ofMinutes(30));

        JsonNode state = sla(ticket, globexAdmin);
        assertThat(state.get("sla_enabled").asBoolean()).isFalse();
        assertThat(state.get("metrics")).isEmpty();
        assertThat(sweep(globex)).isEqualTo(new SlaSweeps.Result(0, 0));
        assertThat(outbox(globex, ticket, "sla.breached")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminManagesPoliciesThatAgentsReadAndTheOrderDecidesWhichApplies() {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);
        long broad = created(acmeAdmin, policy(unique("Broad"), calendar, category, target("MEDIUM", 600, null, null)));
        Map<String, Object> narrow = policy(unique("Narrow"), calendar, category, target("MEDIUM", 60, null, null));
        ((Map<String, Object>) narrow.get("conditions")).put("channels", List.of("portal"));
        long narrowId = created(acmeAdmin, narrow);

        Api.Reply read = api.get(POLICIES + "/" + narrowId, acmeAgent);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("conditions").get("channels").get(0).asString())
                .isEqualTo("PORTAL");
        assertThat(read.body()
                        .get("targets")
                        .get(0)
                        .get("first_response_minutes")
                        .asInt())
                .isEqualTo(60);
        assertThat(api.get(POLICIES, acmeAgent).body().values())
                .extracting(p -> p.get("id").asLong())
                .containsSubsequence(broad, narrowId);

        long first = portalTicket(acmeCustomer, category);
        assertThat(metric(sla(first, acmeAgent), "FIRST_RESPONSE")
                        .get("policy_id")
                        .asLong())
                .isEqualTo(broad);

        List<Long> order = new ArrayList<>();
        api.get(POLICIES, acmeAdmin)
                .body()
                .values()
                .forEach(p -> order.add(p.get("id").asLong()));
        order.remove(narrowId);
        order.addFirst(narrowId);
        assertThat(api.send(HttpMethod.PUT, POLICIES + "/order", acmeAdmin, Map.of("policy_ids", order))
                        .status())
                .isEqualTo(200);
        long second = portalTicket(acmeCustomer, category);
        assertThat(metric(sla(second, acmeAgent), "FIRST_RESPONSE")
                        .get("policy_id")
                        .asLong())
                .isEqualTo(narrowId);

        Map<String, Object> changed = policy(unique("Narrow"), calendar, category, target("MEDIUM", 120, null, null));
        changed.put(
                "version",
                api.get(POLICIES + "/" + narrowId, acmeAdmin)
                        .body()
                        .get("version")
                        .asInt());
        Api.Reply updated = api.send(HttpMethod.PUT, POLICIES + "/" + narrowId, acmeAdmin, changed);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(metric(sla(second, acmeAgent), "FIRST_RESPONSE")
                        .get("target_seconds")
                        .asLong())
                .isEqualTo(7200);
        assertThat(api.send(HttpMethod.PUT, POLICIES + "/" + narrowId, acmeAdmin, changed)
                        .status())
                .isEqualTo(409);

        assertThat(api.send(HttpMethod.DELETE, POLICIES + "/" + narrowId, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(POLICIES + "/" + narrowId, acmeAgent).status()).isEqualTo(404);
        assertThat(metric(sla(second, acmeAgent), "FIRST_RESPONSE")
                        .get("policy_id")
                        .asLong())
                .isEqualTo(broad);
        Api.Reply calendarInUse = api.send(HttpMethod.DELETE, "/api/v1/sla/calendars/" + calendar, acmeAdmin, null);
        assertThat(calendarInUse.status()).isEqualTo(409);
        assertThat(calendarInUse.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void statusesSayWhetherTheyPauseSlasAndAdminsChangeIt() {
        JsonNode statuses = api.get("/api/v1/ticket-statuses", acmeAdmin).body();
        for (JsonNode status : statuses.values()) {
            assertThat(status.get("pauses_sla").asBoolean())
                    .isEqualTo(status.get("category").asString().equals("PENDING"));
        }
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/ticket-statuses",
                acmeAdmin,
                Map.of("name", unique("Waiting on vendor"), "category", "OPEN", "pauses_sla", true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("pauses_sla").asBoolean()).isTrue();
    }

    @Test
    void anotherWorkspaceAndAnonymousCallersCannotReadOrChangePoliciesOrATicketsSla() {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);
        String name = unique("Acme only");
        long id = created(acmeAdmin, policy(name, calendar, category, target("MEDIUM", 60, null, null)));
        long ticket = portalTicket(acmeCustomer, category);
        Map<String, Object> takeover = policy("Taken", calendar, category, target("LOW", 1, null, null));

        assertThat(api.get(POLICIES + "/" + id, globexAdmin).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.PUT, POLICIES + "/" + id, globexAdmin, takeover)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, POLICIES + "/" + id, globexAdmin, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(POLICIES, globexAdmin).body().values())
                .noneMatch(p -> p.get("name").asString().equals(name));
        assertThat(api.get("/api/v1/tickets/" + ticket + "/sla", globexAdmin).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/sla", null).status()).isEqualTo(401);
        assertThat(api.get(POLICIES, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/sla", acmeCustomer).status())
                .isEqualTo(403);
        assertThat(api.get(POLICIES, acmeCustomer).status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, POLICIES, acmeAgent, takeover).status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.DELETE, POLICIES + "/" + id, acmeAgent, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(POLICIES + "/" + id, acmeAdmin).text("name")).isEqualTo(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badPoliciesAreRefusedNamingTheField() {
        long category = category(acmeAdmin);
        long calendar = roundTheClock(acmeAdmin);

        assertField(
                post(policy(unique("Negative"), calendar, category, target("MEDIUM", -5, null, null))),
                "targets[0].first_response_minutes");
        assertField(
                post(policy(unique("Zero"), calendar, category, target("HIGH", null, 0, null))),
                "targets[0].next_response_minutes");
        assertField(
                post(policy(unique("Unknown"), calendar, category, target("SOMEDAY", 5, null, null))),
                "targets[0].priority");
        assertField(
                post(policy(
                        unique("Twice"),
                        calendar,
                        category,
                        target("LOW", 5, null, null),
                        target("LOW", 6, null, null))),
                "targets[1].priority");
        assertField(post(policy(unique("Empty"), calendar, category)), "targets");
        assertField(post(policy(unique("Nowhere"), 987654L, category, target("LOW", 5, null, null))), "calendar_id");
        Map<String, Object> badConditions =
                policy(unique("Conditions"), calendar, category, target("LOW", 5, null, null));
        ((Map<String, Object>) badConditions.get("conditions"))
                .putAll(Map.of(
                        "channels",
                        List.of("pigeon"),
                        "requester_domains",
                        List.of("not a domain"),
                        "department_ids",
                        List.of(987654)));
        Api.Reply conditions = post(badConditions);
        assertField(conditions, "conditions.channels[0]");
        assertField(conditions, "conditions.requester_domains[0]");
        assertField(conditions, "conditions.department_ids[0]");
        assertField(post(policy(" ", calendar, category, target("LOW", 5, null, null))), "name");
        String taken = unique("Taken");
        created(acmeAdmin, policy(taken, calendar, category, target("LOW", 5, null, null)));
        Api.Reply duplicate = post(policy(taken.toUpperCase(), calendar, category, target("LOW", 5, null, null)));
        assertThat(duplicate.status()).isEqualTo(409);
        assertField(
                api.send(HttpMethod.PUT, POLICIES + "/order", acmeAdmin, Map.of("policy_ids", List.of(1))),
                "policy_ids");
    }

    // --- helpers

    private static String at(Instant t0, int minutes) {
        return t0.plus(Duration.ofMinutes(minutes)).toString();
    }

    private SlaSweeps.Result sweep(TestWorkspace workspace) {
        return TenantContext.callAs(workspace.slug(), () -> sweeps.sweep(clock.instant()));
    }

    private long outbox(TestWorkspace workspace, long ticket, String type) {
        return jdbc.sql("select count(*) from platform.outbox where tenant_slug = ? and type = ?"
                        + " and (payload->>'ticket_id')::bigint = ?")
                .param(workspace.slug().value())
                .param(type)
                .param(ticket)
                .query(Long.class)
                .single();
    }

    /** The agents that the breach event of the ticket names for the worker to notify. */
    private List<Long> notifiedOfBreach(TestWorkspace workspace, long ticket) {
        return jdbc.sql("select jsonb_array_elements_text(payload->'notified_agent_ids')::bigint from platform.outbox"
                        + " where tenant_slug = ? and type = 'sla.breached' and (payload->>'ticket_id')::bigint = ?")
                .param(workspace.slug().value())
                .param(ticket)
                .query(Long.class)
                .list();
    }

    private JsonNode sla(long ticket, String token) {
        Api.Reply reply = api.get("/api/v1/tickets/" + ticket + "/sla", token);
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode metric(JsonNode sla, String metric) {
        for (JsonNode m : sla.get("metrics").values()) {
            if (m.get("metric").asString().equals(metric)) {
                return m;
            }
        }
        throw new AssertionError("no " + metric + " in " + sla);
    }

    private void status(long ticket, String status) {
        Api.Reply moved =
                api.send(HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/status", acmeAdmin, Map.of("status", status));
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(200);
    }

    private void reply(long ticket, String token, String base) {
        Api.Reply reply = api.send(HttpMethod.POST, base + ticket + "/replies", token, Map.of("body", "<p>Hello</p>"));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    }

    private long number(long ticket) {
        return api.get("/api/v1/tickets/" + ticket, acmeAdmin)
                .body()
                .get("number")
                .asLong();
    }

    private long portalTicket(String customer, long category) {
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/portal/tickets",
                customer,
                Map.of("subject", "Broken " + unique(""), "description", "<p>Help</p>", "category_id", category));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private long category(String admin) {
        Api.Reply created =
                api.send(HttpMethod.POST, "/api/v1/ticket-categories", admin, Map.of("name", unique("Category")));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private long roundTheClock(String admin) {
        return created(
                admin,
                "/api/v1/sla/calendars",
                Map.of("name", unique("24x7"), "kind", "TWENTY_FOUR_SEVEN", "time_zone", "UTC"));
    }

    private long created(String admin, Map<String, Object> policy) {
        return created(admin, POLICIES, policy);
    }

    private long created(String admin, String path, Map<String, Object> body) {
        Api.Reply created = api.send(HttpMethod.POST, path, admin, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private Api.Reply post(Map<String, Object> policy) {
        return api.send(HttpMethod.POST, POLICIES, acmeAdmin, policy);
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isIn(400, 422);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").values())
                .extracting(error -> error.get("field").asString())
                .contains(field);
    }

    @SafeVarargs
    private static Map<String, Object> policy(
            String name, long calendar, long category, Map<String, Object>... targets) {
        Map<String, Object> conditions = new HashMap<>();
        conditions.put("category_ids", List.of(category));
        Map<String, Object> policy = new HashMap<>();
        policy.put("name", name);
        policy.put("calendar_id", calendar);
        policy.put("conditions", conditions);
        policy.put("targets", List.of(targets));
        return policy;
    }

    private static Map<String, Object> target(
            String priority, Integer firstResponse, Integer nextResponse, Integer resolution) {
        Map<String, Object> target = new HashMap<>();
        target.put("priority", priority);
        target.put("first_response_minutes", firstResponse);
        target.put("next_response_minutes", nextResponse);
        target.put("resolution_minutes", resolution);
        return target;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
