package io.safaridesk.domain.task;

import io.safaridesk.domain.history.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a task's history. */
@Entity
@Table(name = "task_activities")
public class TaskActivity extends HistoryEntry {

    private long taskId;

    protected TaskActivity() {}

    TaskActivity(long taskId, String actorId, String actorName, String action, Task.Change change, Instant at) {
        super(
                actorId,
                actorName,
                action,
                change == null ? null : change.field(),
                change == null ? null : change.oldValue(),
                change == null ? null : change.newValue(),
                at);
        this.taskId = taskId;
    }

    public long taskId() {
        return taskId;
    }
}
