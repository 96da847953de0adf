package io.safaridesk.domain.report;

import static io.safaridesk.domain.report.ReportScope.bucket;
import static io.safaridesk.domain.report.ReportScope.within;

import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk's reports over a {@link ReportFilter}, each one or a few SQL aggregates over indexed columns of the
 * tickets and their report facts (see docs/reference/reports.md for what each figure means).
 */
@Component
@Transactional(readOnly = true)
public class Reports {

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSearch search;

    Reports(TicketSearch search) {
        this.search = search;
    }

    /** Created, solved and reopened tickets per bucket, and the backlog (unsolved tickets) at each bucket's end. */
    public Report volume(ReportFilter filter, Actor actor) {
        ReportScope scope = new ReportScope(filter, actor, search);
        Map<LocalDate, long[]> moves = new HashMap<>();
        for (Object[] row : scope.rows(
                entityManager,
                "select " + bucket("t.created_at") + ", count(*) from " + scope.from() + " where " + scope.tickets()
                        + " and " + within("t.created_at") + " group by 1")) {
            moves.computeIfAbsent(date(row[0]), d -> new long[3])[0] = number(row[1]);
        }
        for (Object[] row : scope.rows(
                entityManager,
                "select " + bucket("x.at") + ", count(*) filter (where x.kind = 'SOLVED'),"
                        + " count(*) filter (where x.kind = 'REOPENED') from ticket_transitions x"
                        + " join " + scope.from() + " on t.id = x.ticket_id where " + scope.tickets() + " and "
                        + within("x.at")
                        + " group by 1")) {
            long[] counts = moves.computeIfAbsent(date(row[0]), d -> new long[3]);
            counts[1] = number(row[1]);
            counts[2] = number(row[2]);
        }
        List<LocalDate> buckets = filter.period().buckets();
        long[] backlog = new long[buckets.size()];
        long after = backlogAtEnd(scope);
        for (int i = buckets.size() - 1; i >= 0; i--) {
            backlog[i] = after;
            long[] counts = moves.getOrDefault(buckets.get(i), new long[3]);
            after = after - counts[0] + counts[1] - counts[2];
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] totals = new long[3];
        for (int i = 0; i < buckets.size(); i++) {
            long[] counts = moves.getOrDefault(buckets.get(i), new long[3]);
            for (int k = 0; k < 3; k++) {
                totals[k] += counts[k];
            }
            rows.add(row(
                    "bucket", buckets.get(i).toString(),
                    "created", counts[0],
                    "solved", counts[1],
                    "reopened", counts[2],
                    "backlog", backlog[i]));
        }
        Map<String, Object> summary = row(
                "created", totals[0],
                "solved", totals[1],
                "reopened", totals[2],
                "backlog_at_start", after,
                "backlog_at_end", backlog.length == 0 ? after : backlog[backlog.length - 1]);
        summary.putAll(reopenRate(scope));
        return report("volume", filter, List.of("bucket", "created", "solved", "reopened", "backlog"), rows, summary);
    }

    /**
     * The unsolved tickets at the period's end: those unsolved now, less those created since, plus the solves and less
     * the reopens since (each solve since made one of them solved, each reopen made one unsolved).
     */
    private long backlogAtEnd(ReportScope scope) {
        Object[] row = scope.rows(
                        entityManager,
                        "select (select count(*) from " + scope.from()
                                + " join ticket_report_facts f on f.ticket_id = t.id"
                                + " where " + scope.tickets() + " and f.solved_at is null),"
                                + " (select count(*) from " + scope.from() + " where " + scope.tickets()
                                + " and t.created_at >= :to),"
                                + " (select count(*) filter (where x.kind = 'SOLVED') - count(*) filter (where x.kind"
                                + " = 'REOPENED') from ticket_transitions x join " + scope.from()
                                + " on t.id = x.ticket_id where "
                                + scope.tickets() + " and x.at >= :to)")
                .getFirst();
        return number(row[0]) - number(row[1]) + number(row[2]);
    }

    /** Of the tickets solved in the period (and solved still), how many were ever reopened. */
    private Map<String, Object> reopenRate(ReportScope scope) {
        Object[] row = scope.rows(
                        entityManager,
                        "select count(*), count(*) filter (where f.reopen_count > 0) from ticket_report_facts f"
                                + " join " + scope.from() + " on t.id = f.ticket_id where " + scope.tickets() + " and "
                                + within("f.solved_at"))
                .getFirst();
        long solved = number(row[0]);
        long reopened = number(row[1]);
        return row(
                "solved_tickets",
                solved,
                "reopened_tickets",
                reopened,
                "reopen_rate_percent",
                solved == 0 ? null : Math.round(reopened * 1000.0 / solved) / 10.0);
    }

    /**
     * First-response time of the tickets first answered in each bucket and full resolution time of those solved in
     * it: count, median and 90th percentile, in calendar seconds and in business seconds of the ticket's SLA calendar.
     */
    public Report responseTimes(ReportFilter filter, Actor actor) {
        ReportScope scope = new ReportScope(filter, actor, search);
        Map<LocalDate, Map<String, Object>> byBucket = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        for (LocalDate bucket : filter.period().buckets()) {
            byBucket.put(bucket, row("bucket", bucket.toString()));
        }
        measure(scope, "first_response", "f.first_response_at", byBucket, totals);
        measure(scope, "resolution", "f.solved_at", byBucket, totals);
        List<String> columns = new ArrayList<>(List.of("bucket"));
        for (String metric : List.of("first_response", "resolution")) {
            for (String figure : FIGURES) {
                columns.add(metric + figure);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : byBucket.values()) {
            columns.forEach(column -> row.putIfAbsent(column, column.endsWith("count") ? 0L : null));
            rows.add(row);
        }
        columns.stream().skip(1).forEach(column -> totals.putIfAbsent(column, column.endsWith("count") ? 0L : null));
        return report("response-times", filter, columns, rows, totals);
    }

    private static final List<String> FIGURES = List.of(
            "_count",
            "_median_seconds",
            "_p90_seconds",
            "_business_count",
            "_business_median_seconds",
            "_business_p90_seconds");

    private void measure(
            ReportScope scope,
            String metric,
            String dated,
            Map<LocalDate, Map<String, Object>> byBucket,
            Map<String, Object> totals) {
        String seconds = "f." + metric + "_seconds";
        String business = "f." + metric + "_business_seconds";
        // the bucket is computed once in a subquery: grouping sets cannot refer to a select item by position
        for (Object[] row : scope.rows(
                entityManager,
                "select b, count(s), percentile_cont(0.5) within group (order by s),"
                        + " percentile_cont(0.9) within group (order by s), count(bs),"
                        + " percentile_cont(0.5) within group (order by bs),"
                        + " percentile_cont(0.9) within group (order by bs), grouping(b) from (select "
                        + bucket(dated) + " b, " + seconds + " s, " + business + " bs"
                        + " from ticket_report_facts f join " + scope.from() + " on t.id = f.ticket_id where "
                        + scope.tickets() + " and " + within(dated) + ") measured group by grouping sets ((b), ())")) {
            Map<String, Object> target =
                    number(row[7]) == 1 ? totals : byBucket.computeIfAbsent(date(row[0]), d -> new LinkedHashMap<>());
            for (int i = 0; i < FIGURES.size(); i++) {
                Object value = row[i + 1];
                target.put(metric + FIGURES.get(i), value == null ? null : decimal(value));
            }
        }
    }

    /**
     * SLA compliance of the clocks decided in the period (breached then, or else met then), per metric, policy and
     * priority; the totals per metric.
     */
    public Report slaCompliance(ReportFilter filter, Actor actor) {
        ReportScope scope = new ReportScope(filter, actor, search);
        String decided = "coalesce(m.breached_at, m.met_at)";
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, long[]> perMetric = new LinkedHashMap<>();
        for (Object[] row : scope.rows(
                entityManager,
                "select m.metric, m.policy_id, p.name, t.priority, count(*) filter (where m.breached_at is null),"
                        + " count(*) filter (where m.breached_at is not null) from ticket_sla_metrics m"
                        + " join " + scope.from()
                        + " on t.id = m.ticket_id left join sla_policies p on p.id = m.policy_id"
                        + " where " + scope.tickets() + " and (m.breached_at is not null or m.met_at is not null)"
                        + " and " + within(decided) + " group by 1, 2, 3, 4 order by 1, 3, 4")) {
            long met = number(row[4]);
            long breached = number(row[5]);
            long[] sums = perMetric.computeIfAbsent((String) row[0], m -> new long[2]);
            sums[0] += met;
            sums[1] += breached;
            rows.add(row(
                    "metric",
                    row[0],
                    "policy_id",
                    row[1] == null ? null : number(row[1]),
                    "policy",
                    row[2],
                    "priority",
                    row[3],
                    "met",
                    met,
                    "breached",
                    breached,
                    "compliance_percent",
                    percent(met, met + breached)));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        perMetric.forEach((metric, sums) -> totals.put(
                metric.toLowerCase(Locale.ROOT),
                row("met", sums[0], "breached", sums[1], "compliance_percent", percent(sums[0], sums[0] + sums[1]))));
        return report(
                "sla",
                filter,
                List.of("metric", "policy_id", "policy", "priority", "met", "breached", "compliance_percent"),
                rows,
                totals);
    }

    /** A breached SLA clock: which ticket, which metric under which policy, when. */
    public record Breach(
            long id,
            long ticketId,
            long number,
            String subject,
            String metric,
            String policy,
            String priority,
            Long assigneeId,
            Instant dueAt,
            Instant breachedAt) {}

    /** The SLA clocks breached in the period, oldest clock first, a page at a time. */
    public KeysetPage<Breach> breaches(ReportFilter filter, Actor actor, String cursor, int limit) {
        ReportScope scope = new ReportScope(filter, actor, search);
        long after = Cursor.decodeId(cursor);
        List<Breach> breaches = scope
                .rows(
                        entityManager,
                        "select m.id, t.id as ticket, t.number, t.subject, m.metric, p.name, t.priority, t.assignee_id,"
                                + " m.due_at, m.breached_at from ticket_sla_metrics m"
                                + " join " + scope.from()
                                + " on t.id = m.ticket_id left join sla_policies p on p.id = m.policy_id"
                                + " where " + scope.tickets() + " and " + within("m.breached_at") + " and m.id > "
                                + after + " order by m.id limit " + limit)
                .stream()
                .map(row -> new Breach(
                        number(row[0]),
                        number(row[1]),
                        number(row[2]),
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        (String) row[6],
                        row[7] == null ? null : number(row[7]),
                        instant(row[8]),
                        instant(row[9])))
                .toList();
        return KeysetPage.of(breaches, limit, Breach::id);
    }

    /** The columns of the breaches as a table (the CSV download), in the JSON's names. */
    private static final List<String> BREACH_COLUMNS = List.of(
            "id",
            "ticket_id",
            "number",
            "subject",
            "metric",
            "policy",
            "priority",
            "assignee_id",
            "due_at",
            "breached_at");

    /**
     * Every SLA clock breached in the period as a table, oldest clock first (the CSV download of
     * {@link #breaches}), read a page at a time.
     */
    public Report breachTable(ReportFilter filter, Actor actor) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = null;
        do {
            KeysetPage<Breach> page = breaches(filter, actor, cursor, BREACH_PAGE);
            for (Breach breach : page.items()) {
                rows.add(row(
                        "id", breach.id(),
                        "ticket_id", breach.ticketId(),
                        "number", breach.number(),
                        "subject", breach.subject(),
                        "metric", breach.metric(),
                        "policy", breach.policy(),
                        "priority", breach.priority(),
                        "assignee_id", breach.assigneeId(),
                        "due_at", breach.dueAt() == null ? null : breach.dueAt().toString(),
                        "breached_at", breach.breachedAt().toString()));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return report("sla-breaches", filter, BREACH_COLUMNS, rows, row("breached", (long) rows.size()));
    }

    private static final int BREACH_PAGE = 1000;

    /**
     * Per agent: tickets created in the period and assigned to them, their unsolved tickets now, tickets they solved in
     * the period (the assignee when solved), their public replies in the period and the median first-response and
     * resolution times of the tickets solved in the period that they hold.
     */
    public Report agents(ReportFilter filter, Actor actor) {
        return performance(filter, actor, "agents", "t.assignee_id", "x.agent_id", "agents", "name");
    }

    /** As {@link #agents}, per department (team) of the tickets; replies are those on the department's tickets. */
    public Report departments(ReportFilter filter, Actor actor) {
        return performance(filter, actor, "departments", "t.department_id", "t.department_id", "departments", "name");
    }

    private Report performance(
            ReportFilter filter, Actor actor, String name, String holder, String solver, String table, String label) {
        ReportScope scope = new ReportScope(filter, actor, search);
        String replier = holder.equals("t.assignee_id") ? "msg.author_agent_id" : holder;
        String sql = "with assigned as (select " + holder + " k, count(*) n from " + scope.from() + " where "
                + scope.tickets()
                + " and " + within("t.created_at") + " group by 1),"
                + " open as (select " + holder + " k, count(*) n from " + scope.from() + " join ticket_report_facts f"
                + " on f.ticket_id = t.id where " + scope.tickets() + " and f.solved_at is null group by 1),"
                + " solved as (select " + solver + " k, count(*) n from ticket_transitions x join " + scope.from()
                + " on t.id = x.ticket_id where " + scope.tickets() + " and x.kind = 'SOLVED' and " + within("x.at")
                + " group by 1),"
                + " replies as (select " + replier + " k, count(*) n from ticket_messages msg join " + scope.from()
                + " on t.id = msg.ticket_id where " + scope.tickets() + " and msg.author_agent_id is not null"
                + " and msg.visibility = 'PUBLIC' and " + within("msg.created_at") + " group by 1),"
                + " handled as (select " + holder + " k,"
                + " percentile_cont(0.5) within group (order by f.first_response_seconds) frt,"
                + " percentile_cont(0.5) within group (order by f.resolution_seconds) res"
                + " from ticket_report_facts f join " + scope.from() + " on t.id = f.ticket_id where " + scope.tickets()
                + " and " + within("f.solved_at") + " group by 1),"
                + " keys as (select k from assigned union select k from open union select k from solved"
                + " union select k from replies union select k from handled)"
                + " select keys.k, o." + label + ", coalesce(assigned.n, 0), coalesce(open.n, 0),"
                + " coalesce(solved.n, 0), coalesce(replies.n, 0), handled.frt, handled.res from keys"
                + " left join " + table + " o on o.id = keys.k left join assigned on assigned.k = keys.k"
                + " left join open on open.k = keys.k left join solved on solved.k = keys.k"
                + " left join replies on replies.k = keys.k left join handled on handled.k = keys.k"
                + " where keys.k is not null order by o." + label + ", keys.k";
        String id = name.equals("agents") ? "agent_id" : "department_id";
        List<String> columns = List.of(
                id,
                "name",
                "assigned",
                "unsolved_now",
                "solved",
                "public_replies",
                "first_response_median_seconds",
                "resolution_median_seconds");
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] totals = new long[4];
        for (Object[] row : scope.rows(entityManager, sql)) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(id, number(row[0]));
            values.put("name", row[1]);
            for (int i = 0; i < 4; i++) {
                totals[i] += number(row[i + 2]);
                values.put(columns.get(i + 2), number(row[i + 2]));
            }
            values.put("first_response_median_seconds", row[6] == null ? null : decimal(row[6]));
            values.put("resolution_median_seconds", row[7] == null ? null : decimal(row[7]));
            rows.add(values);
        }
        return report(
                name,
                filter,
                columns,
                rows,
                row(
                        "assigned",
                        totals[0],
                        "unsolved_now",
                        totals[1],
                        "solved",
                        totals[2],
                        "public_replies",
                        totals[3]));
    }

    /** Tickets created in the period per channel, their share and how many of them are solved now. */
    public Report channels(ReportFilter filter, Actor actor) {
        ReportScope scope = new ReportScope(filter, actor, search);
        List<Object[]> counted = scope.rows(
                entityManager,
                "select t.channel, count(*), count(*) filter (where f.solved_at is not null) from " + scope.from()
                        + " join ticket_report_facts f on f.ticket_id = t.id where " + scope.tickets() + " and "
                        + within("t.created_at") + " group by 1 order by 2 desc, 1");
        long all = counted.stream().mapToLong(row -> number(row[1])).sum();
        List<Map<String, Object>> rows = counted.stream()
                .map(row -> row(
                        "channel", row[0],
                        "created", number(row[1]),
                        "share_percent", percent(number(row[1]), all),
                        "solved", number(row[2])))
                .toList();
        return report(
                "channels",
                filter,
                List.of("channel", "created", "share_percent", "solved"),
                rows,
                row("created", all));
    }

    static Report report(
            String name,
            ReportFilter filter,
            List<String> columns,
            List<Map<String, Object>> rows,
            Map<String, Object> totals) {
        ReportPeriod period = filter.period();
        return new Report(
                name,
                period.from(),
                period.to(),
                period.zone().getId(),
                period.start(),
                period.end(),
                columns,
                rows,
                totals);
    }

    /** An ordered map of alternating keys and values (values may be null). */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A duration in seconds as PostgreSQL's percentile gave it, whole seconds as integers. */
    private static Number decimal(Object value) {
        double seconds = ((Number) value).doubleValue();
        if (seconds == Math.rint(seconds)) {
            return Long.valueOf((long) seconds);
        }
        return Double.valueOf(seconds);
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not a time: " + value.getClass());
        };
    }
}
