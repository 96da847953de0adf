package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reports at scale, in one workspace: generates N tickets spread over two years with their history (report facts,
 * solved and reopened transitions, an agent reply each, SLA clocks) in 20 departments and 50 agents, then measures
 * every dashboard and report call and the view counts through the API (p50, p95), as an admin and as an agent of two
 * departments, with the raw limit (the same statements' floor over JDBC) and the load average measured in the same run.
 * Run by {@code infra/bench/reports.sh}; not a test.
 *
 * <p>Arguments: {@code <tickets to generate> <requests per call>}.
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        TestWorkspace workspace = TestWorkspaces.provision("rbench");
        TestWorkspace.User admin = workspace.admin();
        TestWorkspace.User agent = workspace.addUser("agent");
        String schema = workspace.slug().schemaName();
        try (ConfigurableApplicationContext api = TicketBenchmark.helpdeskApi()) {
            DataSource dataSource = api.getBean(DataSource.class);
            Api client = Api.at(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
            client.get("/api/v1/settings", workspace.token(admin));
            client.get("/api/v1/me", workspace.token(agent));
            long started = System.nanoTime();
            generate(dataSource, schema, tickets);
            System.out.printf(
                    "generated %,d tickets with their history in %d s%n",
                    tickets, Duration.ofNanos(System.nanoTime() - started).toSeconds());

            Map<String, String> calls = new LinkedHashMap<>();
            calls.put("counts", "/api/v1/ticket/counts");
            calls.put("dashboard today", "/api/v1/dashboard/data?q=today");
            calls.put("dashboard week", "/api/v1/dashboard/data?q=week");
            calls.put("dashboard month", "/api/v1/dashboard/data?q=month");
            calls.put("get-started", "/api/v1/dashboard/get-started");
            for (String report : List.of("volume", "response-times", "sla", "agents", "departments", "channels")) {
                calls.put(report + " (30 days)", "/api/v1/reports/" + report);
            }
            calls.put("volume (1 year, weekly)", "/api/v1/reports/volume?interval=week&start=" + yearAgo());
            calls.put("sla breaches page", "/api/v1/reports/sla/breaches?limit=50");
            calls.put("kb-deflection (30 days)", "/api/v1/reports/kb-deflection");

            // the raw limit in the same run: the statements' floor, timed over JDBC on the same pool
            Map<String, String> raw = new LinkedHashMap<>();
            raw.put("raw: select 1", "select 1");
            raw.put("raw: read the ticket_counts rollup", "select count(*), sum(tickets) from ticket_counts");
            raw.put(
                    "raw: count(*) of 30 days' tickets",
                    "select count(*) from tickets where created_at >= now() - interval '30 days'");
            System.out.println("load average before measuring: " + loadAverage());
            Map<String, Long> rawP95 = new LinkedHashMap<>();
            for (var statement : raw.entrySet()) {
                List<Long> micros = rawLatencies(dataSource, schema, statement.getValue(), requests);
                rawP95.put(statement.getKey(), TicketBenchmark.percentile(micros, 95));
                System.out.printf("  %-36s %s%n", statement.getKey(), TicketBenchmark.summary(micros));
            }
            long rollupP95 = rawP95.get("raw: read the ticket_counts rollup");
            long scanP95 = rawP95.get("raw: count(*) of 30 days' tickets");
            for (var caller : Map.of("admin", admin, "agent of 2 of 20 departments", agent)
                    .entrySet()) {
                System.out.println("as " + caller.getKey() + " (load average " + loadAverage() + "):");
                for (var call : calls.entrySet()) {
                    if (call.getKey().startsWith("kb-") && caller.getValue() == agent) {
                        continue; // KB deflection is for callers who see every ticket
                    }
                    String token = workspace.token(caller.getValue());
                    List<Long> micros = latencies(client, token, call.getValue(), requests);
                    long baseline = call.getKey().equals("counts") ? rollupP95 : scanP95;
                    System.out.printf(
                            "  %-28s %s; p95 %.1fx the raw %s%n",
                            call.getKey(),
                            TicketBenchmark.summary(micros),
                            TicketBenchmark.percentile(micros, 95) / (double) Math.max(1, baseline),
                            call.getKey().equals("counts") ? "rollup read" : "30-day count");
                }
            }
            for (var statement : raw.entrySet()) {
                System.out.printf(
                        "  again at the end: %-36s %s%n",
                        statement.getKey(),
                        TicketBenchmark.summary(rawLatencies(dataSource, schema, statement.getValue(), requests)));
            }
            System.out.println("load average after measuring: " + loadAverage());
        }
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static List<Long> rawLatencies(DataSource dataSource, String schema, String statement, int requests)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setSchema(schema);
            int warmUp = Math.max(5, requests / 10);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < warmUp + requests; i++) {
                long started = System.nanoTime();
                try (java.sql.ResultSet rows = sql.executeQuery(statement)) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                if (i >= warmUp) {
                    micros.add((System.nanoTime() - started) / 1000);
                }
            }
            Collections.sort(micros);
            return micros;
        }
    }

    private static String yearAgo() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(364).toString();
    }

    private static List<Long> latencies(Api client, String token, String path, int requests) {
        int warmUp = Math.max(5, requests / 10);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < warmUp + requests; i++) {
            long started = System.nanoTime();
            Api.Reply reply = client.get(path, token);
            if (reply.status() != 200) {
                throw new IllegalStateException(path + " failed: " + reply.status() + " " + reply.body());
            }
            if (i >= warmUp) {
                micros.add((System.nanoTime() - started) / 1000);
            }
        }
        Collections.sort(micros);
        return micros;
    }

    /**
     * Tickets created evenly over the last two years: 8% unsolved, 5% reopened once, 95% answered by an agent, half
     * under an SLA clock of which one in ten breached; the rollup is rebuilt at the end (the triggers are off during
     * the load, as for any bulk import).
     */
    static void generate(DataSource dataSource, String schema, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setSchema(schema);
            sql.execute("insert into contacts (name, email) select 'Customer ' || g, 'customer' || g || '@bench.test'"
                    + " from generate_series(1, 20000) g on conflict do nothing");
            sql.execute("insert into departments (name) select 'Department ' || g from generate_series(1, 20) g");
            sql.execute("insert into agents (keycloak_user_id, name, email, role) select 'bench-' || g, 'Agent ' || g,"
                    + " 'agent' || g || '@bench.test', 'agent' from generate_series(1, 50) g");
            sql.execute("insert into agent_departments (agent_id, department_id) select a.id, d.id from agents a"
                    + " join departments d on d.id % 10 = a.id % 10 where a.keycloak_user_id like 'bench-%'");
            // the logged-in agent is a member of two of the twenty departments
            sql.execute("insert into agent_departments (agent_id, department_id) select a.id, d.id from agents a,"
                    + " (select id from departments order by id limit 2) d where a.keycloak_user_id not like 'bench-%'"
                    + " and a.role = 'agent'");
            sql.execute("create temporary table ids as select (select min(id) from departments) d0,"
                    + " (select min(id) from agents where keycloak_user_id like 'bench-%') a0,"
                    + " (select min(id) from contacts) c0,"
                    + " (select min(id) from ticket_statuses) s0,"
                    + " (select id from sla_calendars order by id limit 1) cal");
            sql.execute("alter table tickets disable trigger tickets_counted");
            sql.execute("alter table tickets disable trigger tickets_recounted");
            // the marks' triggers update a ticket per history row: set the marks in one statement each at the end
            sql.execute("alter table ticket_sla_metrics disable trigger ticket_sla_metrics_marked");
            sql.execute("alter table ticket_report_facts disable trigger ticket_report_facts_marked");
            long spacing = Duration.ofDays(730).toSeconds() * 1000 / count; // milliseconds between tickets
            int batch = 100_000;
            for (int done = 0; done < count; done += batch) {
                int from = done + 1;
                int to = Math.min(count, done + batch);
                String series = "generate_series(" + from + ", " + to + ") n";
                sql.execute("insert into tickets (number, subject, channel, requester_id, status_id, priority,"
                        + " department_id, assignee_id, tags, due_at, first_response_at, resolved_at, closed_at,"
                        + " created_by, created_at, updated_at)"
                        + " select 1000000 + n, 'Printer ' || (n % 997) || ' is not printing',"
                        + " (array['EMAIL','WEB','PORTAL','PHONE','API'])[1 + n % 5], ids.c0 + n % 20000,"
                        + " ids.s0 + case when n % 100 < 8 then n % 3 when n % 2 = 0 then 4 else 5 end,"
                        + " (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + (n / 7) % 4], ids.d0 + n % 20,"
                        + " case when n % 20 = 7 then null else ids.a0 + n % 50 end, array['tag' || (n % 40)],"
                        + " case when n % 3 = 0 then c + interval '2 days' end,"
                        + " case when n % 20 <> 3 then c + make_interval(secs => 60 + n % 7200) end,"
                        + " case when n % 100 >= 8 then c + make_interval(secs => 600 + n % 200000) end,"
                        + " case when n % 100 >= 8 and n % 2 = 1 then c + make_interval(secs => 700 + n % 200000) end,"
                        + " 'bench', c, c from ids, " + series + ", lateral (select now() - make_interval(secs =>"
                        + " cast(" + count + " - n as bigint) * " + spacing + " / 1000.0) c) created");
            }
            sql.execute("insert into ticket_report_facts (ticket_id, first_response_at, first_response_seconds,"
                    + " first_response_business_seconds, solved_at, resolution_seconds, resolution_business_seconds,"
                    + " reopen_count, agent_replies) select t.id, t.first_response_at,"
                    + " extract(epoch from t.first_response_at - t.created_at)::bigint,"
                    + " extract(epoch from t.first_response_at - t.created_at)::bigint / 3, t.resolved_at,"
                    + " extract(epoch from t.resolved_at - t.created_at)::bigint,"
                    + " extract(epoch from t.resolved_at - t.created_at)::bigint / 3,"
                    + " case when t.number % 20 = 11 then 1 else 0 end,"
                    + " case when t.first_response_at is null then 0 else 1 end from tickets t"
                    + " on conflict (ticket_id) do nothing");
            sql.execute("insert into ticket_transitions (ticket_id, kind, agent_id, at)"
                    + " select id, 'SOLVED', assignee_id, resolved_at from tickets where resolved_at is not null"
                    + " union all select id, 'SOLVED', assignee_id, created_at + interval '5 minutes' from tickets"
                    + " where number % 20 = 11 union all select id, 'REOPENED', assignee_id,"
                    + " created_at + interval '6 minutes' from tickets where number % 20 = 11");
            sql.execute("insert into ticket_messages (ticket_id, visibility, author_agent_id, author_name, body_html,"
                    + " body_text, channel, created_at) select id, 'PUBLIC', coalesce(assignee_id, (select a0 from"
                    + " ids)), 'Agent', '<p>On it</p>', 'On it', 'EMAIL', first_response_at from tickets"
                    + " where first_response_at is not null");
            sql.execute("insert into ticket_sla_metrics (ticket_id, metric, calendar_id, target_minutes, state,"
                    + " started_at, met_at, breached_at, updated_at) select t.id, 'FIRST_RESPONSE', ids.cal, 60,"
                    + " case when t.first_response_at is null then 'STOPPED' else 'MET' end, t.created_at,"
                    + " t.first_response_at, case when t.number % 10 = 0 then t.created_at + interval '1 hour' end,"
                    + " t.created_at from tickets t, ids where t.number % 2 = 0");
            // portal reading for KB deflection: 500,000 searches and reads by 50,000 visitors over the two years, and
            // the web-form tickets (a fifth) opened by the same visitors
            sql.execute("insert into kb_portal_activity (visitor, kind, at) select 'a:' || (g % 50000),"
                    + " case when g % 3 = 0 then 'VIEW' else 'SEARCH' end, now() - make_interval(secs => g * 126.0)"
                    + " from generate_series(1, 500000) g");
            sql.execute(
                    "insert into kb_portal_activity (visitor, kind, ticket_id, at) select 'a:' || (t.number % 50000),"
                            + " 'TICKET', t.id, t.created_at from tickets t where t.channel = 'WEB'");
            sql.execute("update tickets set sla_breached = true where id in (select ticket_id from"
                    + " ticket_sla_metrics where breached_at is not null)");
            sql.execute("update tickets set reopened = true where id in (select ticket_id from ticket_report_facts"
                    + " where reopen_count > 0)");
            sql.execute("alter table ticket_sla_metrics enable trigger ticket_sla_metrics_marked");
            sql.execute("alter table ticket_report_facts enable trigger ticket_report_facts_marked");
            sql.execute("alter table tickets enable trigger tickets_counted");
            sql.execute("alter table tickets enable trigger tickets_recounted");
            sql.execute("select ticket_counts_rebuild()");
            sql.execute("analyze");
        }
    }
}
