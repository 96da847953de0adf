package io.safaridesk.domain.sla;

import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A ticket's SLA as the people who may see the ticket see it: each clock's numbers now, and the log behind them. */
@Component
@Transactional(readOnly = true)
public class TicketSla {

    /** At most this many log entries in one answer; {@code next_cursor} pages on. */
    public static final int MAX_EVENTS = 500;

    private final Tickets tickets;
    private final TicketSlaMetricRepository metrics;
    private final TicketSlaEventRepository events;
    private final SlaCalendarRepository calendars;
    private final SlaSettings settings;
    private final Clock clock;

    TicketSla(
            Tickets tickets,
            TicketSlaMetricRepository metrics,
            TicketSlaEventRepository events,
            SlaCalendarRepository calendars,
            SlaSettings settings,
            Clock clock) {
        this.tickets = tickets;
        this.metrics = metrics;
        this.events = events;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    /** How a clock stands against its target now. */
    public enum Status {
        WITHIN,
        AT_RISK,
        BREACHED,
        MET,
        PAUSED,
        STOPPED
    }

    /**
     * One clock now: {@code dueAt} only while it runs; {@code remaining} negative once breached; a met clock that
     * used more than its target (or was breached) counts as BREACHED.
     */
    public record MetricState(
            SlaMetric metric,
            Long policyId,
            int cycle,
            Instant startedAt,
            Duration target,
            Instant dueAt,
            Duration elapsed,
            Duration remaining,
            Status status,
            Instant metAt,
            Instant atRiskRaisedAt,
            Instant breachedAt) {}

    /** The ticket's SLA: whether the workspace runs SLAs, each clock, and the log (oldest first). */
    public record State(
            long ticketId, boolean enabled, Instant at, List<MetricState> metrics, List<TicketSlaEvent> log) {}

    /** The SLA of the ticket with this id, from the log entry after {@code afterEventId}; 404 if out of sight. */
    public State of(long ticketId, Actor actor, long afterEventId) {
        return of(tickets.get(ticketId, actor), afterEventId);
    }

    /** The SLA of the ticket with this human number ({@code T-1042} is 1042); 404 if out of sight. */
    public State ofNumber(long number, Actor actor) {
        return of(tickets.getByNumber(number, actor), 0);
    }

    private State of(Ticket ticket, long afterEventId) {
        SlaConfiguration configuration = settings.current();
        Instant now = clock.instant();
        List<MetricState> states = metrics.findByTicketIdOrderByMetric(ticket.id()).stream()
                .map(clock -> state(clock, configuration, now))
                .toList();
        return new State(
                ticket.id(),
                configuration.allowSla(),
                now,
                states,
                events.findByTicketIdAndIdGreaterThanOrderByIdAsc(ticket.id(), afterEventId, Limit.of(MAX_EVENTS)));
    }

    private MetricState state(TicketSlaMetric clock, SlaConfiguration configuration, Instant now) {
        TicketSlaMetric.Schedule schedule =
                TicketSlaMetric.Schedule.of(calendars.findById(clock.calendarId()), configuration);
        Duration elapsed = clock.elapsed(schedule, now);
        Duration remaining = clock.target().minus(elapsed);
        return new MetricState(
                clock.metric(),
                clock.policyId(),
                clock.cycle(),
                clock.startedAt(),
                clock.target(),
                clock.dueAt(),
                elapsed,
                remaining,
                status(clock, elapsed, configuration.atRiskPercent()),
                clock.metAt(),
                clock.atRiskRaisedAt(),
                clock.breachedAt());
    }

    static Status status(TicketSlaMetric clock, Duration elapsed, int atRiskPercent) {
        long used = elapsed.toNanos();
        long target = clock.target().toNanos();
        boolean over = clock.state() == TicketSlaMetric.State.RUNNING ? used >= target : used > target;
        if (clock.breachedAt() != null || over && clock.state() != TicketSlaMetric.State.STOPPED) {
            return Status.BREACHED;
        }
        return switch (clock.state()) {
            case MET -> Status.MET;
            case STOPPED -> Status.STOPPED;
            case PAUSED -> Status.PAUSED;
            case RUNNING -> used >= target * atRiskPercent / 100 ? Status.AT_RISK : Status.WITHIN;
        };
    }
}
