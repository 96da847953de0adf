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

/** One entry of a ticket's SLA log: what happened to a clock, when, and what it stood at afterwards. */
@Entity
@Table(name = "ticket_sla_events")
public class TicketSlaEvent {

    /** What happened to the clock. */
    public enum Kind {
        ACTIVATED,
        PAUSED,
        RESUMED,
        FULFILLED,
        AT_RISK,
        BREACHED,
        RECOMPUTED,
        STOPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SlaMetric metric;

    private int cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private Instant at;

    private int targetMinutes;

    private long elapsedNanos;

    private Instant dueAt;

    private String detail;

    protected TicketSlaEvent() {}

    TicketSlaEvent(TicketSlaMetric clock, Kind kind, Instant at, Duration elapsed, String detail) {
        this.ticketId = clock.ticketId();
        this.metric = clock.metric();
        this.cycle = clock.cycle();
        this.kind = kind;
        this.at = at;
        this.targetMinutes = clock.targetMinutes();
        this.elapsedNanos = elapsed.toNanos();
        this.dueAt = clock.dueAt();
        this.detail = detail;
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

    public int cycle() {
        return cycle;
    }

    public Kind kind() {
        return kind;
    }

    public Instant at() {
        return at;
    }

    public int targetMinutes() {
        return targetMinutes;
    }

    /** Business time the clock had used at this event. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** When the target fell due after this event, while the clock ran. */
    public Instant dueAt() {
        return dueAt;
    }

    public String detail() {
        return detail;
    }
}
