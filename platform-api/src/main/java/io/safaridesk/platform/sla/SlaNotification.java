package io.safaridesk.platform.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Stand-in for the worker's notifications: an agent was told that a ticket's SLA clock crossed a threshold. */
@Entity
@Table(name = "sla_notifications")
class SlaNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long ticketId;

    private long agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SlaMetric metric;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketSlaEvent.Kind kind;

    @Column(nullable = false)
    private Instant createdAt;

    protected SlaNotification() {}

    SlaNotification(long ticketId, long agentId, SlaMetric metric, TicketSlaEvent.Kind kind, Instant createdAt) {
        this.ticketId = ticketId;
        this.agentId = agentId;
        this.metric = metric;
        this.kind = kind;
        this.createdAt = createdAt;
    }
}
