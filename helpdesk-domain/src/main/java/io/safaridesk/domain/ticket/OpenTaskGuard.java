package io.safaridesk.domain.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the ticket rules need to know about the work on tickets: a ticket with open tasks (neither done nor cancelled)
 * is not resolved or closed unless an agent overrides the rule with a reason. The task feature implements it, so that
 * tickets do not depend on tasks.
 */
public interface OpenTaskGuard {

    /** For each of {@code ticketIds} that has open tasks, their human numbers ({@code TSK-1042}) in number order. */
    Map<Long, List<String>> openTasks(Collection<Long> ticketIds);
}
