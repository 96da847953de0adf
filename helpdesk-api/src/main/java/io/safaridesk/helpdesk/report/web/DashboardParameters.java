package io.safaridesk.helpdesk.report.web;

import io.safaridesk.domain.report.ReportPeriod;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's dashboard period: {@code q} = today (the default), week (Monday to today), month (the 1st to today) or
 * range ({@code start} to {@code end}, local dates, both included).
 */
record DashboardParameters(String q, String start, String end) {

    ReportPeriod toPeriod(ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return switch (q == null || q.isBlank() ? "today" : q.strip().toLowerCase(Locale.ROOT)) {
            case "today" -> new ReportPeriod(today, today, zone, ReportPeriod.Interval.DAY);
            case "week" ->
                new ReportPeriod(
                        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        today,
                        zone,
                        ReportPeriod.Interval.DAY);
            case "month" -> new ReportPeriod(today.withDayOfMonth(1), today, zone, ReportPeriod.Interval.DAY);
            case "range" -> range(zone);
            default -> throw ApiProblem.invalidField("q", "is not one of today, week, month, range");
        };
    }

    private ReportPeriod range(ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = required("start", start, zone, problems);
        LocalDate to = required("end", end, zone, problems);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new ReportPeriod(from, to, zone, ReportPeriod.Interval.DAY);
    }

    private static LocalDate required(String field, String value, ZoneId zone, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required for the range period"));
            return null;
        }
        return ReportParameters.date(field, value, zone, problems);
    }
}
