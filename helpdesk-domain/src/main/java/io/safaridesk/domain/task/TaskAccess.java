package io.safaridesk.domain.task;

import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import org.springframework.stereotype.Component;

/**
 * Who sees which task: staff only. Admins see all; agents see tasks of their departments, tasks assigned to them,
 * tasks they created, and tasks linked to a ticket they see (the ticket rules). A task out of sight is 404.
 */
@Component
class TaskAccess {

    private final Tickets tickets;

    TaskAccess(Tickets tickets) {
        this.tickets = tickets;
    }

    boolean canSee(Actor actor, Task task) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case CUSTOMER -> false;
            case AGENT ->
                task.departmentId() != null && actor.departments().contains(task.departmentId())
                        || actor.agentId().equals(task.assigneeId())
                        || actor.agentId().equals(task.creatorAgentId())
                        || task.ticketId() != null && tickets.canSee(task.ticketId(), actor);
        };
    }
}
