package io.safaridesk.domain.ticket;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes down what happened to tickets: activity rows for the history, events for the outbox, in one transaction; each
 * event is also published in-process as a {@link TicketChanged} for listeners in the same transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TicketJournal {

    private final TicketActivityRepository activities;
    private final DomainEvents events;
    private final TicketRepository tickets;
    private final ApplicationEventPublisher listeners;

    TicketJournal(
            TicketActivityRepository activities,
            DomainEvents events,
            TicketRepository tickets,
            ApplicationEventPublisher listeners) {
        this.activities = activities;
        this.events = events;
        this.tickets = tickets;
        this.listeners = listeners;
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
        // the ticket is in the persistence context already: this is no query
        tickets.findById(event.ticketId())
                .ifPresent(ticket -> listeners.publishEvent(new TicketChanged(ticket, event)));
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    List<TicketActivity> history(long ticketId, long afterId, int limit) {
        return activities.findByTicketIdAndIdGreaterThanOrderByIdAsc(ticketId, afterId, Limit.of(limit));
    }
}
