package io.safaridesk.platform.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a ticket's history: who did what, when, and for a field change the old and new value. */
@Entity
@Table(name = "ticket_activities")
public class TicketActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long ticketId;

    private String actorId;

    @Column(nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    private String field;

    private String oldValue;

    private String newValue;

    @Column(nullable = false)
    private Instant createdAt;

    protected TicketActivity() {}

    TicketActivity(long ticketId, String actorId, String actorName, String action, Ticket.Change change, Instant at) {
        this.ticketId = ticketId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        if (change != null) {
            this.field = change.field();
            this.oldValue = change.oldValue();
            this.newValue = change.newValue();
        }
        this.createdAt = at;
    }

    public Long id() {
        return id;
    }

    public long ticketId() {
        return ticketId;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    /** created, updated, assigned, status_changed, replied, noted, merged, ... */
    public String action() {
        return action;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
