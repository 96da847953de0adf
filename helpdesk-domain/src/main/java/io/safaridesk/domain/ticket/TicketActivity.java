package io.safaridesk.domain.ticket;

import io.safaridesk.domain.history.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a ticket's history. */
@Entity
@Table(name = "ticket_activities")
public class TicketActivity extends HistoryEntry {

    private long ticketId;

    protected TicketActivity() {}

    TicketActivity(long ticketId, String actorId, String actorName, String action, Ticket.Change change, Instant at) {
        super(
                actorId,
                actorName,
                action,
                change == null ? null : change.field(),
                change == null ? null : change.oldValue(),
                change == null ? null : change.newValue(),
                at);
        this.ticketId = ticketId;
    }

    public long ticketId() {
        return ticketId;
    }
}
