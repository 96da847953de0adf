package io.safaridesk.helpdesk.task.web;

import io.safaridesk.domain.task.Task;
import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.ticket.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task as the API shows it; {@code task_id} is the human number ({@code TSK-1042}), {@code id} the key. */
record TaskView(
        long id,
        String taskId,
        long number,
        String title,
        String descriptionHtml,
        String descriptionText,
        StatusView status,
        Priority priority,
        Long ticketId,
        Long departmentId,
        Long assigneeId,
        Instant dueAt,
        Instant completedAt,
        boolean archived,
        Instant trashedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** The status key and the workspace's label for it. */
    record StatusView(TaskStatus key, String label) {}

    static TaskView of(Task t, Map<TaskStatus, String> labels) {
        return new TaskView(
                t.id(),
                t.taskNumber(),
                t.number(),
                t.title(),
                t.descriptionHtml(),
                t.descriptionText(),
                new StatusView(t.status(), labels.get(t.status())),
                t.priority(),
                t.ticketId(),
                t.departmentId(),
                t.assigneeId(),
                t.dueAt(),
                t.completedAt(),
                t.archived(),
                t.trashedAt(),
                t.createdBy(),
                t.createdAt(),
                t.updatedAt(),
                t.version());
    }

    static List<TaskView> of(List<Task> tasks, Map<TaskStatus, String> labels) {
        return tasks.stream().map(t -> of(t, labels)).toList();
    }
}
