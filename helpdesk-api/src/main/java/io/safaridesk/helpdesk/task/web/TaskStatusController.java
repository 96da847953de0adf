package io.safaridesk.helpdesk.task.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.task.TaskStatusLabel;
import io.safaridesk.domain.task.TaskStatusLabels;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.task.web.TaskRequests.LabelsRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tasks")
@RestController
@RequestMapping("/api/v1/task-statuses")
class TaskStatusController {

    private final TaskStatusLabels labels;

    TaskStatusController(TaskStatusLabels labels) {
        this.labels = labels;
    }

    /** A task status: its fixed key, the workspace's label, its place in the list and whether it is open work. */
    record TaskStatusView(TaskStatus key, String label, int position, boolean open) {
        static List<TaskStatusView> of(List<TaskStatusLabel> labels) {
            return labels.stream()
                    .map(l -> new TaskStatusView(
                            l.status(), l.label(), l.position(), l.status().open()))
                    .toList();
        }
    }

    @Operation(summary = "The five task statuses with the workspace's labels, in display order")
    @Callers({ADMIN, AGENT})
    @GetMapping
    List<TaskStatusView> list() {
        return TaskStatusView.of(labels.list());
    }

    @Operation(summary = "Renames statuses: {labels: {todo: 'Backlog', ...}}; keys stay, labels unique ignoring case")
    @Callers(ADMIN)
    @PutMapping
    List<TaskStatusView> rename(@Valid @RequestBody LabelsRequest request) {
        return TaskStatusView.of(labels.rename(request.labels()));
    }
}
