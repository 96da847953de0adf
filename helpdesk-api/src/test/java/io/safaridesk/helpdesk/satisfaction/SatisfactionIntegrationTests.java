package io.safaridesk.helpdesk.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.satisfaction.SurveyTokens;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Satisfaction surveys through the API: the anonymous link answers exactly its own survey and nothing else, the last
 * answer wins, staff read ratings by role, the reports count a hand-computed set in the workspace's time zone. The
 * survey mail itself is the worker's (SatisfactionSurveyIntegrationTests); here a solved ticket's survey is marked
 * sent as the worker would, at a chosen time.
 */
class SatisfactionIntegrationTests extends TwoWorkspaceApiTests {

    @Autowired
    SurveyTokens tokens;

    @Autowired
    JdbcClient jdbc;

    static String acmeAgent;
    static String acmeOtherAgent;
    static String acmeCustomer;
    static String globexCustomer;

    @BeforeAll
    static void people() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeOtherAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
        globexCustomer = globex.token(globex.addUser("customer"));
    }

    @BeforeEach
    void surveysOnInBerlin() {
        Api.Reply zone = api.send(
                HttpMethod.PUT,
                "/api/v1/settings",
                acmeAdmin,
                Map.of("name", "Acme", "time_zone", "Europe/Berlin", "ticket_visibility", "DEPARTMENT"));
        assertThat(zone.status()).as(String.valueOf(zone.body())).isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/settings/satisfaction",
                                acmeAdmin,
                                Map.of("enabled", true, "delay_minutes", 0))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void rateGoodThenBadTheLastAnswerCountsTheCommentIsKeptAndTheTicketShowsIt() {
        long ticket = solvedTicket(null, agentId(acmeAgent));
        long survey = sent(ticket, Instant.now());
        String token = token(survey);

        Api.Reply good = answer(acme.slug().value(), token, "good", null);
        Api.Reply again = answer(acme.slug().value(), token, "GOOD", null);
        Api.Reply bad = answer(acme.slug().value(), token, "bad", null);
        Api.Reply commented = answer(acme.slug().value(), token, "bad", "Took three days");

        assertThat(good.status()).as(String.valueOf(good.body())).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(bad.body().get("rating").asString()).isEqualTo("BAD");
        assertThat(commented.body().get("comment").asString()).isEqualTo("Took three days");
        JsonNode view = api.get(path(acme.slug().value(), token), null).body();
        assertThat(view.get("rating").asString()).isEqualTo("BAD");
        assertThat(view.get("ticket_reference").asString()).startsWith("T-");

        JsonNode shown = api.get("/api/v1/tickets/" + ticket + "/satisfaction", acmeAgent)
                .body();
        assertThat(shown.get(0).get("rating").asString()).isEqualTo("BAD");
        assertThat(shown.get(0).get("comment").asString()).isEqualTo("Took three days");
        assertThat(jdbc.sql("select payload ->> 'rating' from platform.outbox where tenant_slug = ?"
                                + " and type = 'ticket.satisfaction-received' and (payload ->> 'ticket_id')::bigint = ?"
                                + " order by created_at")
                        .params(acme.slug().value(), ticket)
                        .query(String.class)
                        .list())
                .as("one event per change, none for the repeated good")
                .containsExactly("GOOD", "BAD", "BAD");
        assertThat(jdbc.sql("select new_value from " + acme.slug().schemaName() + ".ticket_activities"
                                + " where ticket_id = ? and action = 'satisfaction_rated' order by id")
                        .param(ticket)
                        .query(String.class)
                        .list())
                .containsExactly("GOOD", "BAD", "Took three days");
    }

    @Test
    void forgedExpiredAndOtherWorkspacesTokensAreRefusedWithAProblem() {
        long survey = sent(solvedTicket(null, null), Instant.now());
        String token = token(survey);
        String slug = acme.slug().value();
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String otherSurvey = (survey + 1) + token.substring(token.indexOf('.'));
        String expired = tokens.issue(acme.slug(), survey, Instant.now().minusSeconds(1));

        assertProblem(answer(slug, forged, "good", null), 404, "survey-not-found");
        assertProblem(answer(slug, otherSurvey, "good", null), 404, "survey-not-found");
        assertProblem(answer(slug, "not-a-token", "good", null), 404, "survey-not-found");
        assertProblem(answer(slug, expired, "good", null), 410, "survey-expired");
        assertProblem(api.get(path(slug, expired), null), 410, "survey-expired");
        assertProblem(answer(globex.slug().value(), token, "good", null), 404, "survey-not-found");
        assertProblem(answer("no-such-workspace", token, "good", null), 404, "portal-not-found");
        Api.Reply badRating = answer(slug, token, "great", null);
        assertProblem(badRating, 422, "invalid-input");
        assertThat(badRating.body().get("errors").get(0).get("field").asString())
                .isEqualTo("rating");
        jdbc.sql("update " + acme.slug().schemaName() + ".satisfaction_surveys set expires_at = now() where id = ?")
                .param(survey)
                .update();
        assertProblem(answer(slug, token, "good", null), 410, "survey-expired");
        assertThat(jdbc.sql("select count(*) from " + acme.slug().schemaName() + ".satisfaction_surveys"
                                + " where rating is not null and id = ?")
                        .param(survey)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyStaffOfTheWorkspaceReadRatingsAndAnAgentListsOnlyTheirOwn() {
        long mine = solvedTicket(null, agentId(acmeAgent));
        long theirs = solvedTicket(null, agentId(acmeOtherAgent));
        answer(acme.slug().value(), token(sent(mine, Instant.now())), "good", null);
        answer(acme.slug().value(), token(sent(theirs, Instant.now())), "bad", null);

        assertThat(ticketsOf(api.get("/api/v1/satisfaction/answers?limit=200", acmeAgent)))
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(ticketsOf(api.get("/api/v1/satisfaction/answers?limit=200", acmeAdmin)))
                .contains(mine, theirs);
        assertThat(ticketsOf(api.get("/api/v1/satisfaction/answers?rating=bad&limit=200", acmeAdmin)))
                .contains(theirs)
                .doesNotContain(mine);
        assertThat(ticketsOf(api.get("/api/v1/satisfaction/answers?limit=200", globexAdmin)))
                .as("another workspace's admin sees none of acme's")
                .doesNotContain(mine, theirs);
        for (String path : List.of("/api/v1/satisfaction/answers", "/api/v1/tickets/" + mine + "/satisfaction")) {
            assertThat(api.get(path, acmeCustomer).status()).isEqualTo(403);
            assertThat(api.get(path, globexCustomer).status()).isEqualTo(403);
            assertThat(api.get(path, null).status()).isEqualTo(401);
        }
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/settings/satisfaction",
                                acmeAgent,
                                Map.of("enabled", false, "delay_minutes", 0))
                        .status())
                .isEqualTo(403);
        assertProblem(
                api.send(
                        HttpMethod.PUT,
                        "/api/v1/settings/satisfaction",
                        acmeAdmin,
                        Map.of("enabled", true, "delay_minutes", -1)),
                422,
                "invalid-input");
    }

    @Test
    void surveysOffScheduleNothing() {
        api.send(
                HttpMethod.PUT,
                "/api/v1/settings/satisfaction",
                acmeAdmin,
                Map.of("enabled", false, "delay_minutes", 0));

        long ticket = solvedTicket(null, null);

        assertThat(jdbc.sql("select count(*) from " + acme.slug().schemaName()
                                + ".satisfaction_surveys where ticket_id = ?")
                        .param(ticket)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Berlin is UTC+1 in January. Sent in the period 10-11 January 2026, local days: on the 10th, survey 1 (agent A,
     * department 1: good, then bad) and survey 2 (A, 1: good, sent 23:30 local); on the 11th, survey 3 (B, 2: good,
     * sent 00:30 local) and survey 4 (B, 2: unanswered); survey 5 (B, 2: good) is sent 01:30 local on the 12th, out of
     * the period. So: the 10th 2 sent, 2 answered, 1 good, 1 bad (CSAT 50 %, response 100 %); the 11th 2 sent, 1
     * answered, 1 good (100 %, 50 %); totals 4, 3, 2, 1 (66.7 %, 75 %). Per agent and department the same split.
     */
    @Test
    void theReportFiguresMatchAHandComputedSetInTheWorkspacesTimeZone() {
        long a = agentId(acmeAgent);
        long b = agentId(acmeOtherAgent);
        long one = department();
        long two = department();
        member(a, one);
        member(b, two);
        String first = token(sent(solvedTicket(one, a), "2026-01-10T10:00:00Z"));
        answer(acme.slug().value(), first, "good", null);
        List<String> good = new ArrayList<>();
        good.add(token(sent(solvedTicket(one, a), "2026-01-10T22:30:00Z")));
        good.add(token(sent(solvedTicket(two, b), "2026-01-10T23:30:00Z")));
        sent(solvedTicket(two, b), "2026-01-11T12:00:00Z");
        good.add(token(sent(solvedTicket(two, b), "2026-01-12T00:30:00Z")));
        good.forEach(token -> answer(acme.slug().value(), token, "good", null));
        answer(acme.slug().value(), first, "bad", null);
        String period = "?start=2026-01-10&end=2026-01-11";

        JsonNode overTime = report("/api/v1/reports/satisfaction" + period + "&department=" + one)
                .get("totals");
        assertThat(overTime.get("sent").asLong()).as("the department filter").isEqualTo(2);
        JsonNode report = report("/api/v1/reports/satisfaction" + period);
        assertThat(rows(report, "bucket", "sent", "answered", "good", "bad", "csat_percent", "response_rate_percent"))
                .containsExactly(
                        List.of("2026-01-10", 2L, 2L, 1L, 1L, 50.0, 100.0),
                        List.of("2026-01-11", 2L, 1L, 1L, 0L, 100.0, 50.0));
        JsonNode totals = report.get("totals");
        assertThat(List.of(
                        totals.get("sent").asLong(),
                        totals.get("answered").asLong(),
                        totals.get("good").asLong(),
                        totals.get("bad").asLong()))
                .containsExactly(4L, 3L, 2L, 1L);
        assertThat(totals.get("csat_percent").asDouble()).isEqualTo(66.7);
        assertThat(totals.get("response_rate_percent").asDouble()).isEqualTo(75.0);
        assertThat(rows(report("/api/v1/reports/satisfaction/agents" + period), "agent_id", "sent", "good", "bad"))
                .containsExactlyInAnyOrder(List.of(a, 2L, 1L, 1L), List.of(b, 2L, 1L, 0L));
        assertThat(rows(
                        report("/api/v1/reports/satisfaction/departments" + period),
                        "department_id",
                        "sent",
                        "answered",
                        "csat_percent",
                        "response_rate_percent"))
                .containsExactlyInAnyOrder(List.of(one, 2L, 2L, 50.0, 100.0), List.of(two, 2L, 1L, 100.0, 50.0));
        Api.Download csv = api.download("/api/v1/reports/satisfaction" + period + "&format=csv", acmeAdmin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.content(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("bucket,sent,answered,good,bad,csat_percent,response_rate_percent\r\n"
                        + "2026-01-10,2,2,1,1,50.0,100.0\r\n");
        assertThat(api.get("/api/v1/reports/satisfaction" + period, acmeCustomer)
                        .status())
                .isEqualTo(403);
        assertThat(report("/api/v1/reports/satisfaction" + period, globexAdmin)
                        .get("totals")
                        .get("sent")
                        .asLong())
                .as("another workspace counts none of these")
                .isZero();
    }

    private JsonNode report(String path) {
        return report(path, acmeAdmin);
    }

    private JsonNode report(String path, String token) {
        Api.Reply reply = api.get(path, token);
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply.body();
    }

    private static List<List<Object>> rows(JsonNode report, String... columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : report.get("rows").values()) {
            List<Object> values = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                values.add(
                        value.isString()
                                ? value.asString()
                                : value.isIntegralNumber() ? (Object) value.asLong() : value.asDouble());
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<Long> ticketsOf(Api.Reply reply) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply.body().get("items").values().stream()
                .map(item -> item.get("ticket_id").asLong())
                .toList();
    }

    private long solvedTicket(Long department, Long assignee) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Survey " + UUID.randomUUID().toString().substring(0, 6));
        body.put("requester", Map.of("name", "Rita", "email", "rita@customer.test"));
        body.put("priority", "LOW");
        body.put("channel", "EMAIL");
        body.put("department_id", department);
        body.put("assignee_id", assignee);
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        long ticket = created.body().get("id").asLong();
        Api.Reply solved = api.send(
                HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/status", acmeAdmin, Map.of("status", "Resolved"));
        assertThat(solved.status()).as(String.valueOf(solved.body())).isEqualTo(200);
        return ticket;
    }

    /** Marks the ticket's survey sent at {@code at}, as the worker does when it queues the mail; answers its id. */
    private long sent(long ticket, Instant at) {
        return jdbc.sql("update " + acme.slug().schemaName() + ".satisfaction_surveys set state = 'SENT',"
                        + " sent_at = ?, expires_at = now() + interval '1 day' where ticket_id = ? and state ="
                        + " 'SCHEDULED' returning id")
                .params(java.sql.Timestamp.from(at), ticket)
                .query(Long.class)
                .single();
    }

    private long sent(long ticket, String at) {
        return sent(ticket, Instant.parse(at));
    }

    private String token(long survey) {
        return tokens.issue(acme.slug(), survey, Instant.now().plus(Duration.ofHours(1)));
    }

    private static String path(String slug, String token) {
        return "/api/v1/portal/" + slug + "/satisfaction/" + token;
    }

    private Api.Reply answer(String slug, String token, String rating, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        body.put("comment", comment);
        return api.send(HttpMethod.PUT, path(slug, token), null, body);
    }

    private long agentId(String token) {
        String email = api.get("/api/v1/me", token).text("email");
        return api.get("/api/v1/agent/list?search=" + email, acmeAdmin)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    private void member(long agent, long department) {
        Map<String, Object> membership = new HashMap<>();
        membership.put("name", "Agent " + agent);
        membership.put("departments", List.of(department));
        membership.put("leads", List.of());
        assertThat(api.send(HttpMethod.PUT, "/api/v1/agent/update/" + agent, acmeAdmin, membership)
                        .status())
                .isEqualTo(200);
    }

    private long department() {
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/departments",
                acmeAdmin,
                Map.of("name", "Surveys " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("type").asString()).endsWith("/" + type);
    }
}
