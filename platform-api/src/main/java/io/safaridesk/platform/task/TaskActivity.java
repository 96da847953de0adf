package io.safaridesk.platform.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a task's history: who did what, when, and for a field change the old and new value. */
@Entity
@Table(name = "task_activities")
public class TaskActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long taskId;

    private String actorId;

    @Column(nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    private String field;

    private String oldValue;

    private String newValue;

    @Column(nullable = false)
    private Instant createdAt;

    protected TaskActivity() {}

    TaskActivity(long taskId, String actorId, String actorName, String action, Task.Change change, Instant at) {
        this.taskId = taskId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        if (change != null) {
            this.field = change.field();
            this.oldValue = change.oldValue();
            this.newValue = change.newValue();
        }
        this.createdAt = at;
    }

    public Long id() {
        return id;
    }

    public long taskId() {
        return taskId;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    /** created, updated, assigned, status_changed, commented, mentioned, attached. */
    public String action() {
        return action;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
