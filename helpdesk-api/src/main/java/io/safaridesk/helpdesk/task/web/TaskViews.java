package io.safaridesk.helpdesk.task.web;

import io.safaridesk.domain.task.Task;
import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.task.TaskStatusLabel;
import io.safaridesk.domain.task.TaskStatusLabels;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns tasks into {@link TaskView}s, loading the workspace's status labels once per response. */
@Component
class TaskViews {

    private final TaskStatusLabels labels;

    TaskViews(TaskStatusLabels labels) {
        this.labels = labels;
    }

    TaskView of(Task task) {
        return TaskView.of(task, labels());
    }

    List<TaskView> of(List<Task> tasks) {
        return TaskView.of(tasks, labels());
    }

    /** A page of tasks and the cursor that continues it (null on the last page). */
    record TaskPage(List<TaskView> items, String nextCursor) {}

    TaskPage page(List<Task> tasks, int limit) {
        io.safaridesk.platform.web.KeysetPage<TaskView> page =
                io.safaridesk.platform.web.KeysetPage.of(of(tasks), limit, TaskView::id);
        return new TaskPage(page.items(), page.nextCursor());
    }

    private Map<TaskStatus, String> labels() {
        return labels.list().stream().collect(Collectors.toMap(TaskStatusLabel::status, TaskStatusLabel::label));
    }
}
