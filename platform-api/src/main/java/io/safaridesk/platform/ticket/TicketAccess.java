package io.safaridesk.platform.ticket;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.settings.Settings;
import io.safaridesk.platform.settings.TicketVisibility;
import org.springframework.stereotype.Component;

/**
 * Who sees which ticket. Admins see all; agents see their departments' tickets, tickets without a department (the
 * triage queue), tickets assigned to them and tickets they watch, or every ticket when the workspace's visibility is
 * ALL; customers see the tickets they requested, never trashed ones. A ticket out of sight does not exist for the
 * caller: 404, never 403.
 */
@Component
class TicketAccess {

    private final Settings settings;
    private final TicketRepository tickets;

    TicketAccess(Settings settings, TicketRepository tickets) {
        this.settings = settings;
        this.tickets = tickets;
    }

    boolean canSee(Actor actor, Ticket ticket) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case CUSTOMER -> !ticket.trashed() && ticket.requesterId() == actor.contactId();
            case AGENT ->
                seesAllTickets()
                        || ticket.departmentId() == null
                        || actor.departments().contains(ticket.departmentId())
                        || actor.agentId().equals(ticket.assigneeId())
                        || tickets.isWatchedBy(ticket.id(), actor.agentId());
        };
    }

    /** Whether agents of the workspace see all its tickets. */
    boolean seesAllTickets() {
        return settings.current().ticketVisibility() == TicketVisibility.ALL;
    }
}
