package io.safaridesk.domain.ticket;

import io.safaridesk.platform.actor.Actor;
import java.util.Set;

/**
 * Who may see one ticket, read once so that many sessions can be checked without asking the database again (real-time
 * fan-out): the same rules as {@link Tickets#get}, i.e. admins all; agents its department, the triage queue (no
 * department), its assignee and watchers, or everyone when the workspace shows all tickets to agents; customers their
 * own tickets unless trashed.
 */
public record TicketAudience(
        long ticketId,
        long requesterId,
        boolean trashed,
        Long departmentId,
        Long assigneeId,
        boolean allAgents,
        Set<Long> watchers) {

    public TicketAudience {
        watchers = Set.copyOf(watchers);
    }

    /** Whether {@code actor} may see the ticket. */
    public boolean includes(Actor actor) {
        return TicketAccess.canSee(
                actor, requesterId, trashed, departmentId, assigneeId, () -> allAgents, watchers::contains);
    }
}
