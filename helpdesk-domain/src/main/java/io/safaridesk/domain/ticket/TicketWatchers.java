package io.safaridesk.domain.ticket;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents who watch a ticket: they follow it (and see it, even outside their departments) until removed. Only
 * staff see or change watchers, and only active agents of the workspace can watch; every change is recorded in the
 * history and published as a {@link TicketEvent.TicketUpdated} with field {@code watchers}.
 */
@Component
@Transactional
public class TicketWatchers {

    private final Tickets tickets;
    private final TicketWatcherRepository watchers;
    private final TicketJournal journal;
    private final Agents agents;
    private final Clock clock;

    TicketWatchers(
            Tickets tickets, TicketWatcherRepository watchers, TicketJournal journal, Agents agents, Clock clock) {
        this.tickets = tickets;
        this.watchers = watchers;
        this.journal = journal;
        this.agents = agents;
        this.clock = clock;
    }

    /** The ticket's watchers, in id order. */
    @Transactional(readOnly = true)
    public List<Agent> list(long ticketId, Actor actor) {
        return agentsOf(visibleToStaff(ticketId, actor));
    }

    /** One watcher of the ticket, or 404 when the agent does not watch it. */
    @Transactional(readOnly = true)
    public Agent get(long ticketId, long agentId, Actor actor) {
        return list(ticketId, actor).stream()
                .filter(agent -> agent.id() == agentId)
                .findFirst()
                .orElseThrow(() -> WatcherNotFound.forAgent(agentId));
    }

    /** Adds these agents (named in {@code field}) as watchers; those already watching stay. Answers all watchers. */
    public List<Agent> add(long ticketId, String field, Collection<Long> agentIds, Actor actor) {
        checkStaff(actor);
        Map<Long, Agent> found = agents.byIds(agentIds);
        List<FieldProblem> problems = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(agentIds)) {
            Agent agent = found.get(id);
            if (agent == null || !agent.active() || agent.deleted()) {
                problems.add(new FieldProblem(field, "names no active agent of this workspace: " + id));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        Ticket ticket = tickets.editable(ticketId, null, actor);
        Instant now = clock.instant();
        for (Long id : new LinkedHashSet<>(agentIds)) {
            if (watchers.watch(ticket.id(), id) > 0) {
                changed(
                        ticket,
                        actor,
                        Ticket.Change.of("watchers", null, found.get(id).name()),
                        now);
            }
        }
        return agentsOf(ticket);
    }

    /**
     * Removes the agent from the ticket's watchers, if they watch it. Answers the remaining watchers; an id that names
     * no agent of the workspace at all is 422 on {@code field}.
     */
    public List<Agent> remove(long ticketId, String field, long agentId, Actor actor) {
        checkStaff(actor);
        Ticket ticket = tickets.editable(ticketId, null, actor);
        Agent agent = agents.byIds(List.of(agentId)).get(agentId);
        if (agent == null) {
            throw ApiProblem.invalidField(field, "names no agent of this workspace: " + agentId);
        }
        if (watchers.unwatch(ticket.id(), agentId) > 0) {
            changed(ticket, actor, Ticket.Change.of("watchers", agent.name(), null), clock.instant());
        }
        return agentsOf(ticket);
    }

    private void changed(Ticket ticket, Actor actor, Ticket.Change change, Instant now) {
        ticket.touch(now);
        tickets.updated(ticket, actor, List.of(change), now);
        tickets.saved(ticket);
    }

    private Ticket visibleToStaff(long ticketId, Actor actor) {
        checkStaff(actor);
        return tickets.get(ticketId, actor);
    }

    private List<Agent> agentsOf(Ticket ticket) {
        List<Long> ids = watchers.watchersOf(ticket.id());
        Map<Long, Agent> byId = agents.byIds(ids);
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static void checkStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw TicketConversation.StaffOnly.watchers();
        }
    }

    /** The agent does not watch the ticket. */
    public static final class WatcherNotFound extends ApiProblem {
        private WatcherNotFound(long agentId) {
            super(HttpStatus.NOT_FOUND, "watcher-not-found", "Agent " + agentId + " does not watch this ticket");
        }

        static WatcherNotFound forAgent(long agentId) {
            return new WatcherNotFound(agentId);
        }
    }
}
