package io.safaridesk.domain.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The workspace's name for one of the five task statuses. */
@Entity
@Table(name = "task_status_labels")
public class TaskStatusLabel {

    @Id
    @Enumerated(EnumType.STRING)
    private TaskStatus status;

    @Column(nullable = false)
    private String label;

    private int position;

    @Column(nullable = false)
    private Instant updatedAt;

    protected TaskStatusLabel() {}

    void rename(String label, Instant now) {
        this.label = label;
        this.updatedAt = now;
    }

    public TaskStatus status() {
        return status;
    }

    public String label() {
        return label;
    }

    public int position() {
        return position;
    }
}
