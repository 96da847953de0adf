package io.safaridesk.helpdesk.report.web;

import io.safaridesk.domain.report.Dashboard;
import io.safaridesk.domain.report.Report;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard as the seed's clients read it: {@code tickets} carries the seed's names ({@code all} = created in the
 * period, {@code closed} = solved in it, {@code open}, {@code unassigned}, {@code breached}) next to this API's.
 */
record DashboardView(
        Period period,
        Counts tickets,
        List<Point> series,
        List<Dashboard.Share> byStatus,
        List<Dashboard.Share> byPriority,
        List<Dashboard.Share> byDepartment,
        List<Dashboard.Share> byChannel,
        List<Dashboard.Recent> recentTickets) {

    /** One day of the period. */
    record Point(String date, long created, long resolved, long reopened, long backlog) {}

    record Period(String q, LocalDate start, LocalDate end, String timeZone, Instant from, Instant to) {}

    record Counts(
            long all,
            long created,
            long closed,
            long resolved,
            long reopened,
            long open,
            long unassigned,
            long overdue,
            long breached) {}

    static DashboardView of(String q, Dashboard.Data data) {
        Report volume = data.volume();
        long created = number(volume.totals().get("created"));
        long solved = number(volume.totals().get("solved"));
        Dashboard.Waiting waiting = data.waiting();
        return new DashboardView(
                new Period(
                        q == null || q.isBlank() ? "today" : q.strip().toLowerCase(Locale.ROOT),
                        volume.from(),
                        volume.to(),
                        volume.timeZone(),
                        volume.start(),
                        volume.end()),
                new Counts(
                        created,
                        created,
                        solved,
                        solved,
                        number(volume.totals().get("reopened")),
                        waiting.open(),
                        waiting.unassigned(),
                        waiting.overdue(),
                        waiting.breached()),
                volume.rows().stream()
                        .map(row -> new Point(
                                (String) row.get("bucket"),
                                number(row.get("created")),
                                number(row.get("solved")),
                                number(row.get("reopened")),
                                number(row.get("backlog"))))
                        .toList(),
                data.byStatus(),
                data.byPriority(),
                data.byDepartment(),
                data.byChannel(),
                data.recent());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
