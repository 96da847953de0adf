package io.safaridesk.helpdesk.task.web;

import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.task.Tasks;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.web.PatchField;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The bodies the task endpoints accept. */
final class TaskRequests {

    private TaskRequests() {}

    static final int MAX_TITLE = 250;
    static final int MAX_HTML = 200_000;

    /** A new task; {@code ticket_id} links it to a ticket the caller sees, else it stands alone. */
    record CreateTaskRequest(
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Size(max = MAX_HTML) String description,
            String status,
            String priority,
            Long ticketId,
            Long departmentId,
            Long assigneeId,
            Instant dueAt) {

        Tasks.NewTask toCommand() {
            return new Tasks.NewTask(
                    title,
                    description,
                    status == null ? null : TaskStatus.of("status", status),
                    priority == null ? null : Priority.of("priority", priority),
                    ticketId,
                    departmentId,
                    assigneeId,
                    dueAt);
        }
    }

    /** A partial update: leave a field out to keep it; send null for department_id or due_at to clear it. */
    record UpdateTaskRequest(
            @Size(min = 1, max = MAX_TITLE) String title,
            @Size(max = MAX_HTML) String description,
            String priority,
            @Schema(type = "integer", nullable = true) JsonNode departmentId,

            @Schema(type = "string", format = "date-time", nullable = true)
            JsonNode dueAt,

            Integer version) {

        Tasks.Changes toChanges() {
            return new Tasks.Changes(
                    title == null || title.isBlank() ? null : title,
                    description,
                    priority == null ? null : Priority.of("priority", priority),
                    PatchField.id("department_id", departmentId),
                    PatchField.instant("due_at", dueAt),
                    version);
        }
    }

    record StatusRequest(@NotBlank String status, Integer version) {}

    /** The seed's status body: the task is named in the body ({@code task_id}: its id, or its number as TSK-1042). */
    record SeedStatusRequest(
            @NotNull String taskId, @NotBlank String status, Integer version) {}

    record AssigneeRequest(Long agentId, Integer version) {}

    /** The ticket to link the task to, or null to make it standalone. */
    record TicketLinkRequest(Long ticketId, Integer version) {}

    record CommentRequest(@NotBlank @Size(max = MAX_HTML) String body) {}

    /** {@code action}: archive, unarchive, trash or restore. */
    record BulkRequest(@NotBlank String action, List<Long> taskIds) {}

    /** New labels by status key ({@code {"labels": {"todo": "Backlog"}}}). */
    record LabelsRequest(@NotNull Map<String, String> labels) {}
}
