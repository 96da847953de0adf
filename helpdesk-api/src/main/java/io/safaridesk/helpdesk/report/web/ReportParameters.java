package io.safaridesk.helpdesk.report.web;

import static io.safaridesk.platform.web.QueryParameters.agentId;
import static io.safaridesk.platform.web.QueryParameters.collect;

import io.safaridesk.domain.report.ReportFilter;
import io.safaridesk.domain.report.ReportPeriod;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters every report takes: {@code start} and {@code end} (local dates of the workspace, both included;
 * by default the 30 days up to today), {@code interval} (day, week or month), and the filters {@code department},
 * {@code agent} (an id or me), {@code channel}, {@code priority} and {@code tag}.
 */
record ReportParameters(
        String start,
        String end,
        String interval,
        Long department,
        String agent,
        String channel,
        String priority,
        String tag) {

    static final int DEFAULT_DAYS = 30;

    ReportFilter toFilter(Actor actor, ZoneId zone, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = end == null || end.isBlank() ? today : date("end", end, zone, problems);
        LocalDate from = start == null || start.isBlank()
                ? (to == null ? today : to).minusDays(DEFAULT_DAYS - 1)
                : date("start", start, zone, problems);
        ReportPeriod.Interval unit = interval == null || interval.isBlank()
                ? ReportPeriod.Interval.DAY
                : collect(problems, () -> ReportPeriod.Interval.of("interval", interval));
        Long agentId = agentId("agent", agent, actor, problems);
        Channel source =
                channel == null || channel.isBlank() ? null : collect(problems, () -> Channel.of("channel", channel));
        Priority urgency = priority == null || priority.isBlank()
                ? null
                : collect(problems, () -> Priority.of("priority", priority));
        ReportPeriod period = from == null || to == null || unit == null
                ? null
                : collect(problems, () -> new ReportPeriod(from, to, zone, unit));
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new ReportFilter(
                period,
                department,
                agentId,
                source,
                urgency,
                tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT));
    }

    /** An ISO date, or an ISO instant meaning its local date; null (and a problem) when bad. */
    static LocalDate date(String field, String value, ZoneId zone, List<FieldProblem> problems) {
        try {
            return value.strip().length() == 10
                    ? LocalDate.parse(value.strip())
                    : Instant.parse(value.strip()).atZone(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "is not an ISO date such as 2030-01-31"));
            return null;
        }
    }
}
