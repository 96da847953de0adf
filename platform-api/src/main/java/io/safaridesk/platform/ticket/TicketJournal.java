package io.safaridesk.platform.ticket;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes down what happened to tickets: activity rows for the history, events for the outbox, in one transaction. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TicketJournal {

    private final TicketActivityRepository activities;
    private final DomainEvents events;

    TicketJournal(TicketActivityRepository activities, DomainEvents events) {
        this.activities = activities;
        this.events = events;
    }

    /** One activity row per change (or one without a field when there is none), all at {@code at}. */
    void record(Ticket ticket, Actor actor, String action, List<Ticket.Change> changes, Instant at) {
        String name = actor == null ? "System" : actor.name();
        String id = actor == null ? null : actor.userId();
        if (changes.isEmpty()) {
            activities.save(new TicketActivity(ticket.id(), id, name, action, null, at));
        }
        changes.forEach(change -> activities.save(new TicketActivity(ticket.id(), id, name, action, change, at)));
    }

    void publish(TicketEvent event) {
        events.record(event.routingKey(), event);
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    List<TicketActivity> history(long ticketId, long afterId, int limit) {
        return activities.findByTicketIdAndIdGreaterThanOrderByIdAsc(ticketId, afterId, Limit.of(limit));
    }
}
