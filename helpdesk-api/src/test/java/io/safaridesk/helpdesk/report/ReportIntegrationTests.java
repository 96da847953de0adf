package io.safaridesk.helpdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.sla.SlaSweeps;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Reports and the dashboard over hand-built ticket histories (a clock the test moves, a workspace in Europe/Berlin,
 * across the 2030 daylight-saving change): every figure exact; trashed and merged tickets count nowhere; who may read
 * which figures; CSV; bad input.
 */
@Import(ReportIntegrationTests.ControlledTime.class)
class ReportIntegrationTests extends TwoWorkspaceApiTests {

    /** Sunday 31 March 2030 00:30 in Berlin (CET); clocks go forward at 02:00 that night. */
    private static final Instant SUNDAY_0030 = Instant.parse("2030-03-30T23:30:00Z");

    @TestConfiguration
    static class ControlledTime {
        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(SUNDAY_0030);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    SlaSweeps sweeps;

    @Autowired
    JdbcClient jdbc;

    static String acmeAgent;
    static String acmeCustomer;

    @BeforeAll
    static void people() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    @BeforeEach
    void berlinWorkspaces() {
        for (String admin : List.of(acmeAdmin, globexAdmin)) {
            Api.Reply saved = api.send(
                    HttpMethod.PUT,
                    "/api/v1/settings",
                    admin,
                    Map.of("name", "Reports", "time_zone", "Europe/Berlin", "ticket_visibility", "DEPARTMENT"));
            assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        }
        api.get("/api/v1/me", acmeAgent);
    }

    @Test
    void volumeAndTimesCountEachLocalDayAcrossTheDstChangeWithoutTrashedOrMergedTickets() {
        long department = department();
        long calendar = officeHoursInBerlin();
        slaOn(department, calendar);
        at("2030-03-30T23:30:00Z");
        long a = ticket(department, "HIGH", "EMAIL", "vip");
        at("2030-03-31T00:30:00Z");
        reply(a);
        at("2030-03-31T10:00:00Z");
        long trashed = ticket(department, "HIGH", "PHONE", null);
        reply(trashed);
        at("2030-03-31T12:00:00Z");
        status(a, "Resolved");
        bulk("trash", trashed);
        at("2030-03-31T22:30:00Z");
        long d = ticket(department, "LOW", "WEB", null);
        at("2030-04-01T08:00:00Z");
        long merged = ticket(department, "HIGH", "EMAIL", null);
        merge(d, merged);
        at("2030-04-01T09:00:00Z");
        status(a, "Open");
        at("2030-04-01T10:00:00Z");
        status(a, "Resolved");
        at("2030-04-02T12:00:00Z");

        JsonNode volume = report("volume", department, "start=2030-03-31&end=2030-04-01");
        assertThat(volume.get("start").asString()).isEqualTo("2030-03-30T23:00:00Z");
        assertThat(volume.get("end").asString())
                .as("23 hours later, then a whole day")
                .isEqualTo("2030-04-01T22:00:00Z");
        assertThat(rows(volume, "bucket", "created", "solved", "reopened", "backlog"))
                .containsExactly(List.of("2030-03-31", 1L, 1L, 0L, 0L), List.of("2030-04-01", 1L, 1L, 1L, 1L));
        assertThat(volume.get("totals").get("reopen_rate_percent").asDouble()).isEqualTo(100.0);
        assertThat(volume.get("totals").get("backlog_at_start").asLong()).isZero();

        JsonNode times = report("response-times", department, "start=2030-03-31&end=2030-04-01");
        JsonNode totals = times.get("totals");
        assertThat(totals.get("first_response_count").asLong())
                .as("the trashed ticket's reply counts nowhere")
                .isEqualTo(1);
        assertThat(totals.get("first_response_median_seconds").asLong()).isEqualTo(3600);
        assertThat(totals.get("first_response_business_median_seconds").asLong())
                .as("answered on a Sunday night")
                .isZero();
        assertThat(totals.get("resolution_count").asLong()).isEqualTo(1);
        assertThat(totals.get("resolution_median_seconds").asLong())
                .as("created Sunday 00:30 CET, solved for good Monday 12:00 CEST: 34.5 hours")
                .isEqualTo(34 * 3600 + 1800);
        assertThat(totals.get("resolution_business_median_seconds").asLong())
                .as("Monday 09:00 to 12:00 local")
                .isEqualTo(3 * 3600);
        assertThat(times.get("rows").get(0).get("first_response_count").asLong())
                .isEqualTo(1);
        assertThat(times.get("rows").get(1).get("resolution_count").asLong()).isEqualTo(1);

        JsonNode channels = report("channels", department, "start=2030-03-31&end=2030-04-01");
        assertThat(rows(channels, "channel", "created", "share_percent", "solved"))
                .containsExactly(List.of("EMAIL", 1L, 50.0, 1L), List.of("WEB", 1L, 50.0, 0L));
        assertThat(report("volume", department, "start=2030-03-31&end=2030-04-01&tag=VIP")
                        .get("totals")
                        .get("created")
                        .asLong())
                .isEqualTo(1);
        assertThat(report("volume", department, "start=2030-03-31&end=2030-04-01&channel=web&priority=low")
                        .get("totals")
                        .get("created")
                        .asLong())
                .isEqualTo(1);

        JsonNode weekly = report("volume", department, "start=2030-03-31&end=2030-04-01&interval=week");
        assertThat(rows(weekly, "bucket", "created"))
                .containsExactly(List.of("2030-03-25", 1L), List.of("2030-04-01", 1L));
    }

    @Test
    void slaComplianceCountsEachClockWhenDecidedAndListsTheBreaches() {
        long department = department();
        long calendar = officeHoursInBerlin();
        slaOn(department, calendar);
        at("2030-04-08T07:00:00Z"); // Monday 09:00 CEST
        long answered = ticket(department, "HIGH", "EMAIL", null);
        long ignored = ticket(department, "HIGH", "EMAIL", null, "=1+2 printer");
        at("2030-04-08T07:30:00Z");
        reply(answered);
        at("2030-04-08T09:00:00Z");
        TenantContext.callAs(acme.slug(), () -> sweeps.sweep(clock.instant()));

        JsonNode sla = report("sla", department, "start=2030-04-08&end=2030-04-08");
        assertThat(rows(sla, "metric", "priority", "met", "breached", "compliance_percent"))
                .containsExactly(List.of("FIRST_RESPONSE", "HIGH", 1L, 1L, 50.0));
        assertThat(sla.get("totals")
                        .get("first_response")
                        .get("compliance_percent")
                        .asDouble())
                .isEqualTo(50.0);
        Api.Reply breaches = api.get(
                "/api/v1/reports/sla/breaches?department=" + department + "&start=2030-04-08&end=2030-04-08",
                acmeAdmin);
        assertThat(breaches.status()).isEqualTo(200);
        assertThat(breaches.body().get("items")).hasSize(1);
        assertThat(breaches.body().get("items").get(0).get("ticket_id").asLong())
                .isEqualTo(ignored);
        assertThat(breaches.body().get("items").get(0).get("breached_at").asString())
                .as("when the sweep saw it")
                .isEqualTo("2030-04-08T09:00:00Z");
        String breachesCsv =
                "/api/v1/reports/sla/breaches?department=" + department + "&start=2030-04-08&end=2030-04-08&limit=1";
        Api.Download csv = api.download(breachesCsv + "&format=csv", acmeAdmin);
        assertThat(csv.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        List<String> lines =
                new String(csv.content(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .first()
                .isEqualTo("id,ticket_id,number,subject,metric,policy,priority,assignee_id,due_at,breached_at");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .as("every breach of the period, whatever the page size; the subject guarded against formulas")
                .startsWith(breaches.body().get("items").get(0).get("id").asLong() + "," + ignored + ",")
                .contains(",'=1+2 printer,FIRST_RESPONSE,")
                .endsWith(",2030-04-08T08:00:00Z,2030-04-08T09:00:00Z");
        Api.Download accepted = api.download(breachesCsv, acmeAdmin, Map.of("Accept", "text/csv"));
        assertThat(accepted.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(new String(accepted.content(), StandardCharsets.UTF_8).lines())
                .hasSize(2);
        assertThat(new String(
                                api.download(breachesCsv + "&format=csv", acmeAgent)
                                        .content(),
                                StandardCharsets.UTF_8)
                        .lines())
                .as("an agent outside the department gets the header only")
                .hasSize(1);
        assertProblem(api.get(breachesCsv + "&format=xml", acmeAdmin), "format");

        JsonNode agents = report("agents", department, "start=2030-04-08&end=2030-04-08");
        assertThat(agents.get("totals").get("public_replies").asLong()).isEqualTo(1);
    }

    @Test
    void countsOfEveryViewEqualTheListsTheyCountForAdminsAndAgents() {
        long department = department();
        long agentId = agentId(acmeAgent);
        member(agentId, department);
        slaOn(department, officeHoursInBerlin());
        at("2030-05-06T08:00:00Z");
        long overdue = ticket(department, "HIGH", "EMAIL", null);
        api.send(HttpMethod.PUT, "/api/v1/tickets/" + overdue + "/assignee", acmeAdmin, Map.of("agent_id", agentId));
        api.send(HttpMethod.PATCH, "/api/v1/tickets/" + overdue, acmeAdmin, Map.of("due_at", "2030-05-06T09:00:00Z"));
        long reopened = ticket(department, "LOW", "EMAIL", null);
        status(reopened, "Resolved");
        status(reopened, "Open");
        long merged = ticket(department, "LOW", "EMAIL", null);
        merge(reopened, merged);
        long archived = ticket(department, "LOW", "EMAIL", null);
        bulk("archive", archived);
        long trashed = ticket(department, "LOW", "EMAIL", null);
        bulk("trash", trashed);
        long elsewhere = ticket(department(), "LOW", "EMAIL", null);
        at("2030-05-06T12:00:00Z");
        // the HIGH ticket's first response (60 business minutes from 10:00 CEST) breaches
        TenantContext.callAs(acme.slug(), () -> sweeps.sweep(clock.instant()));

        for (String token : List.of(acmeAdmin, acmeAgent)) {
            Api.Reply counts = api.get("/api/v1/ticket/counts/", token);
            assertThat(counts.status()).isEqualTo(200);
            counts.body()
                    .properties()
                    .forEach(view -> assertThat(view.getValue().asLong())
                            .as(view.getKey())
                            .isEqualTo(listed(token, view.getKey())));
            assertThat(counts.body().get("reopened").asLong()).isPositive();
            assertThat(counts.body().get("merged").asLong()).isPositive();
            assertThat(counts.body().get("sla_breached").asLong()).isPositive();
        }
        Api.Reply agentCounts = api.get("/api/v1/ticket/counts", acmeAgent);
        assertThat(agentCounts.body().get("my_overdue").asLong()).isEqualTo(1);
        assertThat(listed(acmeAdmin, "requested_by_me")).isGreaterThanOrEqualTo(6);
        assertThat(ids(acmeAgent, "all_tickets")).doesNotContain(elsewhere).contains(overdue);
        assertThat(api.get("/api/v1/ticket/counts", acmeCustomer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ticket/counts", null).status()).isEqualTo(401);
    }

    @Test
    void theRollupAgreesWithARebuildAfterARandomisedHistory() {
        long department = department();
        java.util.Random random = new java.util.Random(19);
        List<Long> tickets = new ArrayList<>();
        at("2030-10-26T21:00:00Z");
        List<String> statuses = List.of("Open", "In progress", "Pending", "Resolved", "Closed");
        for (int step = 0; step < 60; step++) {
            clock.advance(Duration.ofMinutes(17));
            int move = tickets.size() < 3 ? 0 : random.nextInt(7);
            long ticket = tickets.isEmpty() ? 0 : tickets.get(random.nextInt(tickets.size()));
            Api.Reply outcome = switch (move) {
                case 0 -> {
                    tickets.add(ticket(random.nextBoolean() ? department : null, "LOW", "EMAIL", null));
                    yield null;
                }
                case 1 ->
                    api.send(
                            HttpMethod.PUT,
                            "/api/v1/tickets/" + ticket + "/status",
                            acmeAdmin,
                            Map.of("status", statuses.get(random.nextInt(statuses.size()))));
                case 2 -> bulk("trash", ticket);
                case 3 -> bulk("restore", ticket);
                case 4 -> bulk("archive", ticket);
                case 5 ->
                    api.send(
                            HttpMethod.POST,
                            "/api/v1/tickets/" + ticket + "/merge",
                            acmeAdmin,
                            Map.of("source_ids", List.of(tickets.get(random.nextInt(tickets.size())))));
                default ->
                    api.send(
                            HttpMethod.PUT,
                            "/api/v1/tickets/" + ticket + "/assignee",
                            acmeAdmin,
                            Map.of("agent_id", agentId(acmeAdmin)));
            };
            if (outcome != null) {
                assertThat(outcome.status()).as(String.valueOf(outcome.body())).isLessThan(500);
            }
        }
        String schema = acme.slug().schemaName();
        // the marks as their source tables tell them, not as the columns the triggers keep
        String fromTickets = "select status_id, coalesce(department_id, 0) d, coalesce(assignee_id, 0) a, archived,"
                + " trashed_at is not null tr, merged_into_id is not null m,"
                + " exists (select 1 from " + schema + ".ticket_sla_metrics s where s.ticket_id = t.id"
                + " and s.breached_at is not null) b,"
                + " exists (select 1 from " + schema + ".ticket_report_facts f where f.ticket_id = t.id"
                + " and f.reopen_count > 0) r, count(*) n from " + schema
                + ".tickets t group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8";
        String fromRollup = "select status_id, department_id, assignee_id, archived, trashed, merged, sla_breached,"
                + " reopened, tickets from " + schema + ".ticket_counts where tickets <> 0"
                + " order by 1, 2, 3, 4, 5, 6, 7, 8";
        List<Map<String, Object>> rebuilt = jdbc.sql(fromTickets).query().listOfRows();
        assertThat(values(jdbc.sql(fromRollup).query().listOfRows())).isEqualTo(values(rebuilt));
        jdbc.sql("select " + schema + ".ticket_counts_rebuild()").query().listOfRows();
        assertThat(values(jdbc.sql(fromRollup).query().listOfRows())).isEqualTo(values(rebuilt));
    }

    @Test
    void agentsSeeFiguresOfTheirDepartmentsOnlyUnlessAllTicketsAreOpenCustomersNoneOtherWorkspacesNothing() {
        long department = department();
        at("2030-06-03T08:00:00Z");
        ticket(department, "LOW", "CHAT", null);
        ticket(department, "LOW", "CHAT", null);
        String period = "start=2030-06-03&end=2030-06-03";

        assertThat(created(acmeAdmin, department, period)).isEqualTo(2);
        assertThat(created(acmeAgent, department, period)).as("not a member").isZero();
        assertThat(created(globexAdmin, department, period))
                .as("another workspace")
                .isZero();
        assertThat(api.get("/api/v1/reports/volume?" + period, acmeCustomer).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/reports/volume?" + period, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/dashboard/data?q=today", acmeCustomer).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/dashboard/get-started", null).status()).isEqualTo(401);

        member(agentId(acmeAgent), department);
        assertThat(created(acmeAgent, department, period)).as("a member").isEqualTo(2);
        member(agentId(acmeAgent), department());
        assertThat(created(acmeAgent, department, period))
                .as("no longer a member")
                .isZero();
        api.send(
                HttpMethod.PUT,
                "/api/v1/settings",
                acmeAdmin,
                Map.of("name", "Reports", "time_zone", "Europe/Berlin", "ticket_visibility", "ALL"));
        assertThat(created(acmeAgent, department, period))
                .as("all tickets open to agents")
                .isEqualTo(2);
    }

    @Test
    void anAgentsReportsCountEachTicketTheySeeOnceAsTheSourceTablesDo() {
        long mine = department();
        long other = department();
        long agentId = agentId(acmeAgent);
        at("2031-06-16T08:00:00Z");
        // assigned while a member of the other department, which the agent then leaves
        member(agentId, other);
        long assignedElsewhere = ticket(other, "LOW", "EMAIL", null);
        assign(assignedElsewhere, agentId);
        long assignedAndWatchedElsewhere = ticket(other, "HIGH", "EMAIL", null);
        assign(assignedAndWatchedElsewhere, agentId);
        watch(assignedAndWatchedElsewhere, agentId);
        long watchedElsewhere = ticket(other, "LOW", "EMAIL", null);
        watch(watchedElsewhere, agentId);
        member(agentId, mine);
        List<Long> visible = new ArrayList<>();
        visible.add(ticket(mine, "LOW", "EMAIL", null));
        visible.add(ticket(mine, "LOW", "WEB", null));
        long triage = ticket(null, "LOW", "PHONE", null);
        long watchedTriage = ticket(null, "LOW", "PHONE", null);
        watch(watchedTriage, agentId);
        long everything = ticket(mine, "HIGH", "EMAIL", null);
        assign(everything, agentId);
        watch(everything, agentId);
        visible.addAll(List.of(
                assignedElsewhere, watchedElsewhere, assignedAndWatchedElsewhere, triage, watchedTriage, everything));
        long hidden = ticket(other, "LOW", "EMAIL", null);
        reply(watchedElsewhere);
        status(watchedElsewhere, "Resolved");
        at("2031-06-17T08:00:00Z");

        String schema = acme.slug().schemaName();
        // the visibility rule as the ticket lists state it, an or over the source tables
        Map<String, Object> source = jdbc.sql("select count(*) filter (where t.created_at >= '2031-06-15T22:00:00Z'"
                        + " and t.created_at < '2031-06-16T22:00:00Z') created,"
                        + " count(t.assignee_id) filter (where t.created_at >= '2031-06-15T22:00:00Z') assigned,"
                        + " count(*) filter (where f.solved_at is null) unsolved_now, count(*) filter (where"
                        + " t.created_at >= '2031-06-16T22:00:00Z') created_since"
                        + " from " + schema + ".tickets t join " + schema + ".ticket_report_facts f"
                        + " on f.ticket_id = t.id where t.trashed_at is null and t.merged_into_id is null"
                        + " and (t.department_id is null or t.department_id = :mine or t.assignee_id = :me"
                        + " or exists (select 1 from " + schema + ".ticket_watchers w where w.ticket_id = t.id"
                        + " and w.agent_id = :me))")
                .param("mine", mine)
                .param("me", agentId)
                .query()
                .singleRow();
        assertThat(((Number) source.get("created")).longValue()).isEqualTo(visible.size());
        assertThat(((Number) source.get("assigned")).longValue()).isEqualTo(3);
        assertThat(((Number) source.get("created_since")).longValue())
                .as("no other test opens tickets after 2031-06-16")
                .isZero();
        long unsolvedNow = ((Number) source.get("unsolved_now")).longValue();
        assertThat(unsolvedNow).as("triage tickets of other tests count too").isGreaterThanOrEqualTo(7);

        String period = "/api/v1/reports/%s?start=2031-06-16&end=2031-06-16";
        JsonNode volume = api.get(period.formatted("volume"), acmeAgent).body();
        assertThat(volume.get("totals").get("created").asLong())
                .as("each ticket once, however many ways the agent sees it")
                .isEqualTo(visible.size());
        assertThat(volume.get("totals").get("solved").asLong()).isEqualTo(1);
        assertThat(volume.get("totals").get("backlog_at_end").asLong()).isEqualTo(unsolvedNow);
        assertThat(api.get(period.formatted("channels"), acmeAgent)
                        .body()
                        .get("totals")
                        .get("created")
                        .asLong())
                .isEqualTo(visible.size());
        JsonNode agents = api.get(period.formatted("agents"), acmeAgent).body();
        assertThat(agents.get("totals").get("assigned").asLong()).isEqualTo(3);
        assertThat(agents.get("totals").get("public_replies").asLong()).isEqualTo(1);
        JsonNode departments =
                api.get(period.formatted("departments"), acmeAgent).body();
        assertThat(departments.get("totals").get("assigned").asLong())
                .as("the triage tickets have no department")
                .isEqualTo(visible.size() - 2);
        JsonNode dashboard = api.get("/api/v1/dashboard/data?q=range&start=2031-06-16&end=2031-06-16", acmeAgent)
                .body();
        assertThat(dashboard.get("tickets").get("all").asLong()).isEqualTo(visible.size());
        assertThat(dashboard.get("tickets").get("open").asLong()).isEqualTo(unsolvedNow);
        assertThat(dashboard.get("recent_tickets").values())
                .extracting(ticket -> ticket.get("id").asLong())
                .doesNotContain(hidden);
        assertThat(api.get(period.formatted("volume"), acmeAdmin)
                        .body()
                        .get("totals")
                        .get("created")
                        .asLong())
                .as("the admin sees the hidden one too")
                .isEqualTo(visible.size() + 1);
    }

    @Test
    void kbDeflectionCountsPortalVisitsNotFollowedByAWebFormTicketOnAHandBuiltHistory() {
        String word = "tonerjam";
        Map<String, Object> article = new HashMap<>();
        article.put("title", "Printer help " + word);
        article.put("body", "<p>Turn the printer off and on " + word + "</p>");
        article.put("slug", "printer-" + word);
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, article);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        long articleId = created.body().get("id").asLong();
        assertThat(api.send(HttpMethod.POST, "/api/v1/kb/articles/" + articleId + "/publish", acmeAdmin, Map.of())
                        .status())
                .isEqualTo(200);
        String search = "/api/v1/portal/" + acme.slug() + "/kb/articles/search?q=" + word;
        String read = "/api/v1/portal/" + acme.slug() + "/kb/articles/printer-" + word;

        // Monday 3 February 2031 in Berlin (CET, UTC+1)
        at("2031-02-03T08:00:00Z");
        portal(search, "reader-a");
        at("2031-02-03T08:05:00Z");
        portal(read, "reader-a");
        at("2031-02-03T09:00:00Z");
        webForm("reader-a", "a"); // A's visit is followed by a ticket, and the ticket came after reading
        at("2031-02-03T10:00:00Z");
        portal(search, "reader-b");
        portal(search, "reader-b"); // B reads and opens nothing within 24 hours: deflected
        at("2031-02-03T22:30:00Z");
        portal(read, "reader-c"); // 23:30 local
        // Tuesday
        at("2031-02-04T09:00:00Z");
        portal(read, "reader-e");
        at("2031-02-04T09:30:00Z");
        long trashed = webForm("reader-e", "e"); // trashed below: E's visit counts as deflected
        bulk("trash", trashed);
        at("2031-02-04T21:00:00Z");
        webForm("reader-c", "c"); // 22.5 hours after C's reading: C's Monday visit is followed
        webForm("reader-d", "d"); // without reading
        // Wednesday: B's ticket, more than 24 hours after B's reading
        at("2031-02-05T21:00:00Z");
        webForm("reader-b", "b");
        at("2031-02-06T08:00:00Z");

        String path = "/api/v1/reports/kb-deflection?start=2031-02-03&end=2031-02-05";
        JsonNode report = api.get(path, acmeAdmin).body();
        assertThat(rows(
                        report,
                        "bucket",
                        "visits",
                        "searches",
                        "article_views",
                        "followed_by_ticket",
                        "deflected",
                        "deflection_percent",
                        "portal_tickets",
                        "portal_tickets_after_kb",
                        "after_kb_percent"))
                .containsExactly(
                        List.of("2031-02-03", 3L, 3L, 2L, 2L, 1L, 33.3, 1L, 1L, 100.0),
                        List.of("2031-02-04", 1L, 0L, 1L, 0L, 1L, 100.0, 2L, 1L, 50.0),
                        Arrays.asList("2031-02-05", 0L, 0L, 0L, 0L, 0L, null, 1L, 0L, 0.0));
        JsonNode totals = report.get("totals");
        assertThat(totals.get("visits").asLong()).isEqualTo(4);
        assertThat(totals.get("deflected").asLong()).isEqualTo(2);
        assertThat(totals.get("deflection_percent").asDouble()).isEqualTo(50.0);
        assertThat(totals.get("portal_tickets").asLong()).isEqualTo(4);
        assertThat(totals.get("portal_tickets_after_kb").asLong()).isEqualTo(2);
        String csv = new String(api.download(path + "&format=csv", acmeAdmin).content(), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList())
                .contains("2031-02-04,1,0,1,0,1,100.0,2,1,50.0", "2031-02-05,0,0,0,0,0,,1,0,0.0");

        assertThat(api.get(path, acmeAgent).status())
                .as("an agent who sees some departments")
                .isEqualTo(403);
        assertThat(api.get(path, acmeCustomer).status()).isEqualTo(403);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, globexAdmin).body().get("totals").get("visits").asLong())
                .as("another workspace")
                .isZero();
        api.send(
                HttpMethod.PUT,
                "/api/v1/settings",
                acmeAdmin,
                Map.of("name", "Reports", "time_zone", "Europe/Berlin", "ticket_visibility", "ALL"));
        assertThat(api.get(path, acmeAgent).body().get("totals").get("visits").asLong())
                .as("an agent who sees every ticket")
                .isEqualTo(4);
    }

    private void portal(String path, String userAgent) {
        Api.Reply reply = api.exchange(HttpMethod.GET, path, null, null, Map.of("User-Agent", userAgent));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
    }

    /** Opens a ticket through acme's web form as the visitor with this user agent; answers the ticket's id. */
    private long webForm(String userAgent, String who) {
        Map<String, Object> form = Map.of(
                "name",
                "Reader " + who,
                "email",
                who + "-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test",
                "subject",
                "Printer still broken",
                "description",
                "<p>It does not print</p>");
        Api.Reply sent = api.exchange(
                HttpMethod.POST,
                "/api/v1/portal/" + acme.slug() + "/tickets",
                null,
                form,
                Map.of("User-Agent", userAgent));
        assertThat(sent.status()).as(String.valueOf(sent.body())).isEqualTo(201);
        return jdbc.sql("select ticket_id from " + acme.slug().schemaName()
                        + ".kb_portal_activity where kind = 'TICKET' order by id desc limit 1")
                .query(Long.class)
                .single();
    }

    private void assign(long ticket, long agent) {
        Api.Reply assigned = api.send(
                HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/assignee", acmeAdmin, Map.of("agent_id", agent));
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
    }

    private void watch(long ticket, long agent) {
        Api.Reply watched = api.send(
                HttpMethod.PUT, "/api/v1/ticket/watchers/add/" + ticket, acmeAdmin, Map.of("watchers", List.of(agent)));
        assertThat(watched.status()).as(String.valueOf(watched.body())).isEqualTo(200);
    }

    @Test
    void theDashboardGivesTheSeedsSeriesAndTheChecklistFollowsTheWorkspace() {
        long department = department();
        at("2030-07-01T08:00:00Z");
        long open = ticket(department, "HIGH", "PORTAL", null);
        long solved = ticket(department, "LOW", "EMAIL", null);
        reply(solved);
        status(solved, "Resolved");
        at("2030-07-02T08:00:00Z");

        Api.Reply today = api.get("/api/v1/dashboard/data/?q=today", acmeAdmin);
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.body().get("period").get("start").asString()).isEqualTo("2030-07-02");
        Api.Reply range = api.get("/api/v1/dashboard/data?q=range&start=2030-07-01&end=2030-07-01", acmeAdmin);
        assertThat(range.status()).isEqualTo(200);
        JsonNode tickets = range.body().get("tickets");
        assertThat(tickets.get("all").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(tickets.get("closed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(range.body().get("series")).hasSize(1);
        assertThat(range.body().get("by_department").values()).anySatisfy(share -> {
            assertThat(share.get("id").asLong()).isEqualTo(department);
            assertThat(share.get("tickets").asLong()).isEqualTo(2);
        });
        assertThat(range.body().get("recent_tickets").values())
                .extracting(ticket -> ticket.get("id").asLong())
                .contains(open);

        Api.Reply started = api.get("/api/v1/dashboard/get-started/", acmeAgent);
        assertThat(started.status()).isEqualTo(200);
        Map<String, Boolean> steps = new HashMap<>();
        started.body()
                .get("steps")
                .values()
                .forEach(step ->
                        steps.put(step.get("key").asString(), step.get("done").asBoolean()));
        assertThat(steps)
                .containsEntry("first_ticket_received", true)
                .containsEntry("first_ticket_answered", true)
                .containsEntry("department_created", true)
                .containsEntry("mailbox_connected", false);
        Api.Reply fresh = api.get("/api/v1/dashboard/get-started", globexAdmin);
        assertThat(fresh.body().get("steps").values())
                .filteredOn(step -> step.get("key").asString().equals("first_ticket_received"))
                .allSatisfy(step -> assertThat(step.get("done").asBoolean()).isFalse());
    }

    @Test
    void eachReportDownloadsAsCsvAndBadInputIsAProblemNamingTheField() {
        long department = department();
        at("2030-08-05T08:00:00Z");
        ticket(department, "LOW", "EMAIL", null);
        String query = "?department=" + department + "&start=2030-08-05&end=2030-08-06";
        for (String name : List.of("volume", "response-times", "sla", "agents", "departments", "channels")) {
            Api.Download csv = api.download("/api/v1/reports/" + name + query + "&format=csv", acmeAdmin);
            assertThat(csv.status()).as(name).isEqualTo(200);
            assertThat(csv.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                    .isTrue();
        }
        String volume = new String(api.download("/api/v1/reports/volume" + query + "&format=csv", acmeAdmin)
                .content());
        assertThat(volume.lines().toList())
                .containsExactly("bucket,created,solved,reopened,backlog", "2030-08-05,1,0,0,1", "2030-08-06,0,0,0,1");
        Api.Reply accepted = api.exchange(
                HttpMethod.GET, "/api/v1/reports/channels" + query, acmeAdmin, null, Map.of("Accept", "text/csv"));
        assertThat(accepted.contentType()).isNotNull();

        assertProblem(api.get("/api/v1/reports/volume?start=yesterday", acmeAdmin), "start");
        assertProblem(api.get("/api/v1/reports/volume?start=2030-02-02&end=2030-02-01", acmeAdmin), "end");
        assertProblem(api.get("/api/v1/reports/volume?start=2020-01-01&end=2030-01-01", acmeAdmin), "end");
        assertProblem(api.get("/api/v1/reports/volume?interval=hour", acmeAdmin), "interval");
        assertProblem(api.get("/api/v1/reports/volume?channel=pigeon&priority=urgent", acmeAdmin), "channel");
        assertProblem(api.get("/api/v1/reports/volume?format=pdf", acmeAdmin), "format");
        assertProblem(api.get("/api/v1/reports/volume?agent=someone", acmeAdmin), "agent");
        assertProblem(api.get("/api/v1/dashboard/data?q=year", acmeAdmin), "q");
        assertProblem(api.get("/api/v1/dashboard/data?q=range&start=2030-01-01", acmeAdmin), "end");
        assertProblem(api.get("/api/v1/ticket/list?view=nonsense", acmeAdmin), "view");
    }

    private long created(String token, long department, String period) {
        Api.Reply volume = api.get("/api/v1/reports/volume?department=" + department + "&" + period, token);
        assertThat(volume.status()).isEqualTo(200);
        return volume.body().get("totals").get("created").asLong();
    }

    private JsonNode report(String name, long department, String query) {
        Api.Reply reply = api.get("/api/v1/reports/" + name + "?department=" + department + "&" + query, acmeAdmin);
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
                        value == null || value.isNull()
                                ? null
                                : value.isString()
                                        ? value.asString()
                                        : value.isIntegralNumber() ? (Object) value.asLong() : value.asDouble());
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<List<String>> values(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> row.values().stream().map(String::valueOf).toList())
                .toList();
    }

    private long listed(String token, String view) {
        return ids(token, view).size();
    }

    private List<Long> ids(String token, String view) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = api.get(
                    "/api/v1/ticket/list?limit=100&view=" + view + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as(view + " " + page.body()).isEqualTo(200);
            page.body()
                    .get("items")
                    .values()
                    .forEach(item -> ids.add(item.get("id").asLong()));
            cursor = page.text("next_cursor");
        } while (cursor != null);
        return ids;
    }

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private long ticket(Long department, String priority, String channel, String tag) {
        return ticket(
                department,
                priority,
                channel,
                tag,
                "Report " + UUID.randomUUID().toString().substring(0, 6));
    }

    private long ticket(Long department, String priority, String channel, String tag, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("requester", Map.of("name", "Rita", "email", "rita@customer.test"));
        body.put("priority", priority);
        body.put("channel", channel);
        if (department != null) {
            body.put("department_id", department);
        }
        if (tag != null) {
            body.put("tags", List.of(tag));
        }
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private void reply(long ticket) {
        Api.Reply reply = api.send(
                HttpMethod.POST, "/api/v1/tickets/" + ticket + "/replies", acmeAdmin, Map.of("body", "<p>On it</p>"));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    }

    private void status(long ticket, String status) {
        Api.Reply moved =
                api.send(HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/status", acmeAdmin, Map.of("status", status));
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(200);
    }

    private Api.Reply bulk(String action, long ticket) {
        return api.send(
                HttpMethod.POST,
                "/api/v1/tickets/bulk",
                acmeAdmin,
                Map.of("action", action, "ticket_ids", List.of(ticket)));
    }

    private void merge(long target, long source) {
        Api.Reply merged = api.send(
                HttpMethod.POST,
                "/api/v1/tickets/" + target + "/merge",
                acmeAdmin,
                Map.of("source_ids", List.of(source)));
        assertThat(merged.status()).as(String.valueOf(merged.body())).isEqualTo(200);
    }

    private long department() {
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/departments",
                acmeAdmin,
                Map.of("name", "Reports " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
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
        membership.put("name", "Agent Tester");
        membership.put("departments", List.of(department));
        membership.put("leads", List.of());
        assertThat(api.send(HttpMethod.PUT, "/api/v1/agent/update/" + agent, acmeAdmin, membership)
                        .status())
                .isEqualTo(200);
    }

    /** Monday to Friday 09:00-17:00 in Berlin. */
    private long officeHoursInBerlin() {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.add(Map.of("day", day, "start", "09:00", "end", "17:00", "ends_next_day", false));
        }
        Map<String, Object> calendar = new HashMap<>();
        calendar.put("name", "Office " + UUID.randomUUID().toString().substring(0, 6));
        calendar.put("kind", "BUSINESS_HOURS");
        calendar.put("time_zone", "Europe/Berlin");
        calendar.put("hours", hours);
        calendar.put("holidays", List.of());
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/sla/calendars", acmeAdmin, calendar);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** SLAs on, and a policy for the department: first response in 60 business minutes, resolution in 600. */
    private void slaOn(long department, long calendar) {
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/sla/config/update_config",
                                acmeAdmin,
                                Map.of("allow_sla", true, "at_risk_percent", 75))
                        .status())
                .isEqualTo(200);
        Map<String, Object> target = new HashMap<>();
        target.put("priority", "HIGH");
        target.put("first_response_minutes", 60);
        target.put("resolution_minutes", 600);
        Map<String, Object> policy = new HashMap<>();
        policy.put("name", "Reports " + UUID.randomUUID().toString().substring(0, 6));
        policy.put("calendar_id", calendar);
        policy.put("conditions", Map.of("department_ids", List.of(department)));
        policy.put("targets", List.of(target));
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/sla/policies", acmeAdmin, policy);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }

    private static void assertProblem(Api.Reply reply, String field) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").values())
                .extracting(error -> error.get("field").asString())
                .contains(field);
    }
}
