package io.safaridesk.domain.report;

import static io.safaridesk.domain.report.ReportScope.bucket;
import static io.safaridesk.domain.report.ReportScope.within;
import static io.safaridesk.domain.report.Reports.number;
import static io.safaridesk.domain.report.Reports.percent;
import static io.safaridesk.domain.report.Reports.row;

import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * KB deflection: how much of the portal's knowledge-base reading was not followed by a ticket. A <b>visit</b> is what
 * one portal visitor (the keyed hash of client address and user agent) searched and read on one local day; it is
 * <b>followed by a ticket</b> when the same visitor opened a counted ticket through the web form from the visit's
 * first search or read until 24 hours after its last, and <b>deflected</b> otherwise. Beside it, of the web-form
 * tickets opened in each bucket, how many came within 24 hours after their visitor's reading. The filters select the
 * tickets. The reading belongs to no department, so the report is for callers who see every ticket.
 */
@Component
@Transactional(readOnly = true)
public class KbDeflectionReport {

    static final List<String> COLUMNS = List.of(
            "bucket",
            "visits",
            "searches",
            "article_views",
            "followed_by_ticket",
            "deflected",
            "deflection_percent",
            "portal_tickets",
            "portal_tickets_after_kb",
            "after_kb_percent");

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSearch search;

    KbDeflectionReport(TicketSearch search) {
        this.search = search;
    }

    public Report deflection(ReportFilter filter, Actor actor) {
        if (!search.seesEveryTicket(actor)) {
            throw new NotForPartialViews();
        }
        ReportScope scope = new ReportScope(filter, actor, search);
        Map<LocalDate, long[]> byBucket = new LinkedHashMap<>();
        for (LocalDate bucket : filter.period().buckets()) {
            byBucket.put(bucket, new long[6]);
        }
        long[] totals = new long[6];
        String ticketOpened = "exists (select 1 from kb_portal_activity x join " + scope.from()
                + " on t.id = x.ticket_id where x.kind = 'TICKET' and x.visitor = v.visitor and x.at >= v.first_at"
                + " and x.at < v.last_at + interval '24 hours' and " + scope.tickets() + ")";
        for (Object[] row : scope.rows(
                entityManager,
                "select b, count(*), coalesce(sum(searches), 0), coalesce(sum(views), 0),"
                        + " count(*) filter (where followed), grouping(b)"
                        + " from (select cast(date_trunc(:unit, v.day) as date) b, v.searches, v.views, "
                        + ticketOpened + " followed from (select a.visitor,"
                        + " cast(a.at at time zone :zone as date) as day, min(a.at) first_at, max(a.at) last_at,"
                        + " count(*) filter (where a.kind = 'SEARCH') searches,"
                        + " count(*) filter (where a.kind = 'VIEW') views from kb_portal_activity a"
                        + " where a.kind <> 'TICKET' and " + within("a.at") + " group by 1, 2) v) visits"
                        + " group by grouping sets ((b), ())")) {
            long[] target =
                    number(row[5]) == 1 ? totals : byBucket.computeIfAbsent(Reports.date(row[0]), d -> new long[6]);
            for (int i = 0; i < 4; i++) {
                target[i] = number(row[i + 1]);
            }
        }
        for (Object[] row : scope.rows(
                entityManager,
                "select b, count(*), count(*) filter (where after_kb), grouping(b) from (select " + bucket("x.at")
                        + " b, exists (select 1 from kb_portal_activity k where k.kind <> 'TICKET'"
                        + " and k.visitor = x.visitor and k.at <= x.at and k.at > x.at - interval '24 hours') after_kb"
                        + " from kb_portal_activity x join " + scope.from() + " on t.id = x.ticket_id"
                        + " where x.kind = 'TICKET' and " + scope.tickets() + " and " + within("x.at")
                        + ") opened group by grouping sets ((b), ())")) {
            long[] target =
                    number(row[3]) == 1 ? totals : byBucket.computeIfAbsent(Reports.date(row[0]), d -> new long[6]);
            target[4] = number(row[1]);
            target[5] = number(row[2]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byBucket.forEach((bucket, figures) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("bucket", bucket.toString());
            values.putAll(figures(figures));
            rows.add(values);
        });
        return Reports.report("kb-deflection", filter, COLUMNS, rows, figures(totals));
    }

    private static Map<String, Object> figures(long[] f) {
        long deflected = f[0] - f[3];
        return row(
                "visits", f[0],
                "searches", f[1],
                "article_views", f[2],
                "followed_by_ticket", f[3],
                "deflected", deflected,
                "deflection_percent", percent(deflected, f[0]),
                "portal_tickets", f[4],
                "portal_tickets_after_kb", f[5],
                "after_kb_percent", percent(f[5], f[4]));
    }

    /** The reading belongs to no department: an agent who sees some departments only gets no deflection figures. */
    public static final class NotForPartialViews extends ApiProblem {
        NotForPartialViews() {
            super(
                    HttpStatus.FORBIDDEN,
                    "report-needs-every-ticket",
                    "KB deflection is for admins, and for agents when the workspace opens every ticket to agents");
        }
    }
}
