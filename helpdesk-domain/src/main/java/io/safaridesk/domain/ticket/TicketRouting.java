package io.safaridesk.domain.ticket;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.department.AssignmentMode;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes a new ticket inside its creation's transaction: the active {@link AssignmentRule}s in order, then, when the
 * ticket has a department but no assignee, the department's {@link AssignmentMode}. Every change is recorded with the
 * rule (or the assignment mode) as the actor and published like any other change ({@link TicketEvent.TicketAssigned},
 * {@link TicketEvent.TicketUpdated}). The department's row stays locked until the ticket commits, so concurrent new
 * tickets take the round-robin turns one after another and see each other's assignments when counting open work.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TicketRouting {

    private static final Logger log = LoggerFactory.getLogger(TicketRouting.class);

    private final AssignmentRuleRepository rules;
    private final RoutingRepository routing;
    private final Contacts contacts;
    private final Departments departments;
    private final TicketCategories categories;
    private final Agents agents;

    TicketRouting(
            AssignmentRuleRepository rules,
            RoutingRepository routing,
            Contacts contacts,
            Departments departments,
            TicketCategories categories,
            Agents agents) {
        this.rules = rules;
        this.routing = routing;
        this.contacts = contacts;
        this.departments = departments;
        this.categories = categories;
        this.agents = agents;
    }

    /** What routing a new ticket reads, read before the ticket takes its number (whose counter stays locked). */
    record Inputs(String requesterEmail, List<AssignmentRule> rules) {}

    Inputs inputs(long requesterId) {
        return new Inputs(contacts.get(requesterId).email(), rules.findByActiveTrueOrderByPositionAscIdAsc());
    }

    /** Applies the rules and the department's assignment mode to {@code ticket}, using {@code tickets} to record. */
    void route(Ticket ticket, Inputs inputs, Tickets tickets, Instant now) {
        for (AssignmentRule rule : inputs.rules()) {
            if (rule.matches(AssignmentRule.Facts.of(ticket, inputs.requesterEmail()))) {
                apply(rule, ticket, tickets, now);
                if (rule.stopOnMatch()) {
                    break;
                }
            }
        }
        if (ticket.assigneeId() == null && ticket.departmentId() != null) {
            autoAssign(ticket, tickets, now);
        }
    }

    private void apply(AssignmentRule rule, Ticket ticket, Tickets tickets, Instant now) {
        Actor actor = system("Assignment rule '" + rule.name() + "'");
        List<Ticket.Change> changes = new ArrayList<>();
        Long agentId = null;
        for (AssignmentRule.Action action : rule.actions()) {
            String value = action.value();
            switch (action.type()) {
                case "set_department" -> {
                    long id = Long.parseLong(value);
                    if (departments.missing(List.of(id)).isEmpty()) {
                        changes.addAll(ticket.moveToDepartment(id, now));
                    }
                }
                case "set_category" -> {
                    long id = Long.parseLong(value);
                    if (categories.list().stream().anyMatch(c -> c.id() == id)) {
                        changes.addAll(ticket.categorise(id, now));
                    }
                }
                case "set_priority" -> changes.addAll(ticket.prioritise(Priority.valueOf(value), now));
                case "add_tags" ->
                    changes.addAll(ticket.retag(
                            Tags.normalise(Stream.concat(ticket.tags().stream(), AssignmentRule.values(value).stream())
                                    .toList()),
                            now));
                case "set_agent" -> agentId = Long.parseLong(value);
                default -> log.warn("Assignment rule {} has an unknown action {}", rule.id(), action.type());
            }
        }
        tickets.updated(ticket, actor, changes, now);
        if (agentId != null && ticket.assigneeId() == null && assignable(ticket, agentId, rule)) {
            tickets.assignTo(ticket, agentId, actor, now);
        }
    }

    /** The rule's agent may have left the ticket's department or been deactivated since the rule was written. */
    private boolean assignable(Ticket ticket, long agentId, AssignmentRule rule) {
        Optional<Agent> agent = agents.find(agentId);
        try {
            Tickets.checkAssignable(ticket, agent.orElseThrow(() -> ApiProblem.invalidField("agent_id", "is gone")));
            return true;
        } catch (ApiProblem e) {
            log.warn(
                    "Assignment rule {} cannot assign ticket {} to agent {}: {}",
                    rule.id(),
                    ticket.id(),
                    agentId,
                    e.getMessage());
            return false;
        }
    }

    private void autoAssign(Ticket ticket, Tickets tickets, Instant now) {
        long department = ticket.departmentId();
        Optional<RoutingRepository.Slot> slot = routing.lockDepartment(department);
        if (slot.isEmpty()) {
            return;
        }
        AssignmentMode mode = AssignmentMode.valueOf(slot.get().getAssignmentMode());
        Optional<Long> agent = switch (mode) {
            case MANUAL -> Optional.empty();
            case ROUND_ROBIN ->
                nextInTurn(routing.availableMembers(department), slot.get().getLastAssignedAgentId());
            case LEAST_OPEN -> routing.leastLoadedMember(department);
        };
        agent.ifPresent(id -> {
            if (mode == AssignmentMode.ROUND_ROBIN) {
                routing.advance(department, id);
            }
            String how = mode == AssignmentMode.ROUND_ROBIN ? "round robin" : "least open tickets";
            tickets.assignTo(ticket, id, system("Auto-assignment (" + how + ")"), now);
        });
    }

    /** The member after {@code last} in id order, wrapping around; the first one when {@code last} is unknown. */
    static Optional<Long> nextInTurn(List<Long> members, Long last) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return members.stream()
                .filter(id -> last != null && id > last)
                .findFirst()
                .or(() -> Optional.of(members.getFirst()));
    }

    /** The routing acts as the system: no user id, its name in the history. */
    private static Actor system(String name) {
        return new Actor(null, name, Actor.Role.ADMIN, null, Set.of(), null);
    }
}
