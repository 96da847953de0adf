package io.safaridesk.domain.ticket;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.settings.TicketVisibility;
import io.safaridesk.platform.actor.Actor;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
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
    private final TicketWatcherRepository watchers;

    TicketAccess(Settings settings, TicketRepository tickets, TicketWatcherRepository watchers) {
        this.settings = settings;
        this.tickets = tickets;
        this.watchers = watchers;
    }

    boolean canSee(Actor actor, Ticket ticket) {
        return canSee(
                actor,
                ticket.requesterId(),
                ticket.trashed(),
                ticket.departmentId(),
                ticket.assigneeId(),
                this::seesAllTickets,
                agentId -> tickets.isWatchedBy(ticket.id(), agentId));
    }

    /** The rules themselves; the workspace setting and the watchers are asked only when an agent's case needs them. */
    static boolean canSee(
            Actor actor,
            long requesterId,
            boolean trashed,
            Long departmentId,
            Long assigneeId,
            BooleanSupplier allAgents,
            LongPredicate watchedBy) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case CUSTOMER -> !trashed && requesterId == actor.contactId();
            case AGENT ->
                allAgents.getAsBoolean()
                        || departmentId == null
                        || actor.departments().contains(departmentId)
                        || actor.agentId().equals(assigneeId)
                        || watchedBy.test(actor.agentId());
        };
    }

    /** Everything {@link TicketAudience#includes} needs to know about {@code ticket}, read now. */
    TicketAudience audience(Ticket ticket) {
        return new TicketAudience(
                ticket.id(),
                ticket.requesterId(),
                ticket.trashed(),
                ticket.departmentId(),
                ticket.assigneeId(),
                seesAllTickets(),
                Set.copyOf(watchers.watchersOf(ticket.id())));
    }

    /** Whether agents of the workspace see all its tickets. */
    boolean seesAllTickets() {
        return settings.current().ticketVisibility() == TicketVisibility.ALL;
    }
}
