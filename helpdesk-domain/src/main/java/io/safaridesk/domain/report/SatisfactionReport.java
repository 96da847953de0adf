package io.safaridesk.domain.report;

import static io.safaridesk.domain.report.ReportScope.bucket;
import static io.safaridesk.domain.report.ReportScope.within;
import static io.safaridesk.domain.report.Reports.number;
import static io.safaridesk.domain.report.Reports.percent;
import static io.safaridesk.domain.report.Reports.row;

import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer satisfaction over the surveys sent in a period (their mail queued then): how many went, how many were
 * answered, good and bad; the CSAT score is good / (good + bad) and the response rate answered / sent, both in percent.
 * Per bucket of the workspace's time zone, per agent and per department the ticket had when it was solved.
 */
@Component
@Transactional(readOnly = true)
public class SatisfactionReport {

    private static final List<String> FIGURES =
            List.of("sent", "answered", "good", "bad", "csat_percent", "response_rate_percent");

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSearch search;

    SatisfactionReport(TicketSearch search) {
        this.search = search;
    }

    /** The figures per bucket, and over the whole period as totals. */
    public Report overTime(ReportFilter filter, Actor actor) {
        ReportScope scope = new ReportScope(filter, actor, search);
        Map<LocalDate, Map<String, Object>> byBucket = new LinkedHashMap<>();
        for (LocalDate bucket : filter.period().buckets()) {
            byBucket.put(bucket, figures(row("bucket", bucket.toString()), 0, 0, 0, 0));
        }
        Map<String, Object> totals = figures(new LinkedHashMap<>(), 0, 0, 0, 0);
        for (Object[] row : scope.rows(
                entityManager,
                "select b, count(*), count(rating), count(*) filter (where rating = 'GOOD'),"
                        + " count(*) filter (where rating = 'BAD'), grouping(b) from (select " + bucket("s.sent_at")
                        + " b, s.rating from " + surveys(scope, "") + ") sent group by grouping sets ((b), ())")) {
            Map<String, Object> target = number(row[5]) == 1
                    ? totals
                    : byBucket.computeIfAbsent(Reports.date(row[0]), d -> row("bucket", d.toString()));
            figures(target, number(row[1]), number(row[2]), number(row[3]), number(row[4]));
        }
        List<String> columns = new ArrayList<>(List.of("bucket"));
        columns.addAll(FIGURES);
        return Reports.report("satisfaction", filter, columns, new ArrayList<>(byBucket.values()), totals);
    }

    /** The figures per agent who held the ticket when it was solved (none: {@code agent_id} null). */
    public Report agents(ReportFilter filter, Actor actor) {
        return grouped(filter, actor, "satisfaction-agents", "agent_id", "agents");
    }

    /** The figures per department the ticket was in when it was solved (none: {@code department_id} null). */
    public Report departments(ReportFilter filter, Actor actor) {
        return grouped(filter, actor, "satisfaction-departments", "department_id", "departments");
    }

    private Report grouped(ReportFilter filter, Actor actor, String name, String key, String table) {
        ReportScope scope = new ReportScope(filter, actor, search);
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] sums = new long[4];
        for (Object[] row : scope.rows(
                entityManager,
                "select s." + key + ", o.name, count(*), count(s.rating), count(*) filter (where s.rating = 'GOOD'),"
                        + " count(*) filter (where s.rating = 'BAD') from "
                        + surveys(scope, "left join " + table + " o on o.id = s." + key)
                        + " group by 1, 2 order by 2 nulls last, 1")) {
            long[] counts = {number(row[2]), number(row[3]), number(row[4]), number(row[5])};
            for (int i = 0; i < 4; i++) {
                sums[i] += counts[i];
            }
            rows.add(figures(
                    row(key, row[0] == null ? null : number(row[0]), "name", row[1]),
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3]));
        }
        List<String> columns = new ArrayList<>(List.of(key, "name"));
        columns.addAll(FIGURES);
        return Reports.report(
                name, filter, columns, rows, figures(new LinkedHashMap<>(), sums[0], sums[1], sums[2], sums[3]));
    }

    /** The surveys sent in the period about the tickets in scope, as {@code s} joined to {@code t} and {@code join}. */
    private static String surveys(ReportScope scope, String join) {
        return "satisfaction_surveys s join " + scope.from() + " on t.id = s.ticket_id " + join
                + " where s.state = 'SENT' and " + scope.tickets() + " and " + within("s.sent_at");
    }

    private static Map<String, Object> figures(
            Map<String, Object> into, long sent, long answered, long good, long bad) {
        into.put("sent", sent);
        into.put("answered", answered);
        into.put("good", good);
        into.put("bad", bad);
        into.put("csat_percent", percent(good, good + bad));
        into.put("response_rate_percent", percent(answered, sent));
        return into;
    }
}
