package io.safaridesk.domain.task;

import io.safaridesk.domain.ticket.OpenTaskGuard;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tickets' open tasks (neither done nor cancelled, not in the trash), for the rule that guards resolving. */
@Component
@Transactional(readOnly = true)
class OpenTasks implements OpenTaskGuard {

    private final TaskRepository tasks;

    OpenTasks(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public Map<Long, List<String>> openTasks(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        return tasks.openTasksOf(ticketIds).stream()
                .collect(Collectors.groupingBy(
                        TaskRepository.OpenTask::getTicketId,
                        LinkedHashMap::new,
                        Collectors.mapping(t -> Task.NUMBER_PREFIX + t.getNumber(), Collectors.toList())));
    }
}
