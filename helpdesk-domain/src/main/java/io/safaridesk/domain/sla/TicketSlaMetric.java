package io.safaridesk.domain.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock of a ticket: the business time it has used ({@code consumedNanos} before {@code runningSince}, plus
 * the stretch since while it runs), its target, and, while it runs, when the target and the at-risk share fall due.
 * The transitions take the calendar's calculator; the sweep claims crossings with conditional updates of this row.
 */
@Entity
@Table(name = "ticket_sla_metrics")
public class TicketSlaMetric {

    /** Where a clock stands. */
    public enum State {
        RUNNING,
        PAUSED,
        MET,
        STOPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SlaMetric metric;

    private Long policyId;

    private long calendarId;

    private int targetMinutes;

    private int cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private Instant startedAt;

    private Instant runningSince;

    private Instant pausedSince;

    private long consumedNanos;

    private Instant dueAt;

    private Instant atRiskAt;

    private Instant metAt;

    private Instant atRiskRaisedAt;

    private Instant breachedAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected TicketSlaMetric() {}

    static TicketSlaMetric of(long ticketId, SlaMetric metric) {
        TicketSlaMetric clock = new TicketSlaMetric();
        clock.ticketId = ticketId;
        clock.metric = metric;
        return clock;
    }

    /** Starts a new cycle at {@code at}: nothing used, no crossing raised. */
    void activate(Long policyId, long calendarId, int targetMinutes, Instant at, Schedule schedule) {
        this.policyId = policyId;
        this.calendarId = calendarId;
        this.targetMinutes = targetMinutes;
        cycle++;
        state = State.RUNNING;
        startedAt = at;
        runningSince = at;
        pausedSince = null;
        consumedNanos = 0;
        metAt = null;
        atRiskRaisedAt = null;
        breachedAt = null;
        schedule(schedule, at);
    }

    boolean open() {
        return state == State.RUNNING || state == State.PAUSED;
    }

    void pause(Schedule schedule, Instant at) {
        if (state != State.RUNNING) {
            return;
        }
        consumedNanos = elapsed(schedule, at).toNanos();
        runningSince = null;
        pausedSince = at;
        state = State.PAUSED;
        schedule(schedule, at);
    }

    void resume(Schedule schedule, Instant at) {
        if (state != State.PAUSED && state != State.MET) {
            return;
        }
        state = State.RUNNING;
        runningSince = at;
        pausedSince = null;
        metAt = null;
        schedule(schedule, at);
    }

    /** The clock stops: {@code MET} (the target's condition happened) or {@code STOPPED} (it no longer applies). */
    void finish(State end, Schedule schedule, Instant at) {
        if (!open()) {
            return;
        }
        consumedNanos = elapsed(schedule, at).toNanos();
        state = end;
        runningSince = null;
        pausedSince = null;
        metAt = end == State.MET ? at : null;
        schedule(schedule, at);
    }

    /** A new policy, calendar or target, with the business time used so far recomputed on the new calendar. */
    void retarget(
            Long policyId, long calendarId, int targetMinutes, long consumedNanos, Instant at, Schedule schedule) {
        this.policyId = policyId;
        this.calendarId = calendarId;
        this.targetMinutes = targetMinutes;
        this.consumedNanos = consumedNanos;
        if (state == State.RUNNING) {
            runningSince = at;
        }
        schedule(schedule, at);
    }

    /** Business time used by {@code at}. */
    public Duration elapsed(Schedule schedule, Instant at) {
        long running = state == State.RUNNING && at.isAfter(runningSince)
                ? schedule.calculator().businessTimeBetween(runningSince, at).toNanos()
                : 0;
        return Duration.ofNanos(consumedNanos + running);
    }

    private void schedule(Schedule schedule, Instant at) {
        updatedAt = at;
        if (state != State.RUNNING) {
            dueAt = null;
            atRiskAt = null;
            return;
        }
        long target = target().toNanos();
        dueAt = due(schedule, target);
        atRiskAt = due(schedule, target * schedule.atRiskPercent() / 100);
    }

    /** When {@code nanos} of business time will have been used, counting from the current running stretch. */
    private Instant due(Schedule schedule, long nanos) {
        long left = nanos - consumedNanos;
        if (left <= 0) {
            return runningSince;
        }
        try {
            return schedule.calculator().addBusinessTime(runningSince, Duration.ofNanos(left));
        } catch (IllegalArgumentException neverOpenAgain) {
            return BusinessTimeCalculator.LATEST;
        }
    }

    void markedAtRisk(Instant at) {
        atRiskRaisedAt = at;
    }

    void markedBreached(Instant at) {
        breachedAt = at;
    }

    public Long id() {
        return id;
    }

    public long ticketId() {
        return ticketId;
    }

    public SlaMetric metric() {
        return metric;
    }

    public Long policyId() {
        return policyId;
    }

    public long calendarId() {
        return calendarId;
    }

    public Duration target() {
        return Duration.ofMinutes(targetMinutes);
    }

    public int targetMinutes() {
        return targetMinutes;
    }

    public int cycle() {
        return cycle;
    }

    public State state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant runningSince() {
        return runningSince;
    }

    public Instant pausedSince() {
        return pausedSince;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant atRiskAt() {
        return atRiskAt;
    }

    public Instant metAt() {
        return metAt;
    }

    public Instant atRiskRaisedAt() {
        return atRiskRaisedAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }

    /** The calculator of a clock's calendar (holidays as the workspace says) and the workspace's at-risk share. */
    public record Schedule(BusinessTimeCalculator calculator, int atRiskPercent) {

        /** The schedule of a calendar under the workspace's configuration; a clock whose calendar is gone runs 24x7. */
        static Schedule of(java.util.Optional<SlaCalendar> calendar, SlaConfiguration configuration) {
            return new Schedule(
                    calendar.map(c -> c.toBusinessCalendar().calculator(configuration.allowHolidays()))
                            .orElseGet(() -> BusinessCalendar.twentyFourSeven(java.time.ZoneOffset.UTC)
                                    .calculator(false)),
                    configuration.atRiskPercent());
        }
    }
}
