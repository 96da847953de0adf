package io.safaridesk.domain.task;

import io.safaridesk.domain.ticket.TicketText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment of staff on a task, sanitised HTML; never changed once written. */
@Entity
@Table(name = "task_comments")
public class TaskComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long taskId;

    @Column(updatable = false)
    private Long authorAgentId;

    @Column(nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String bodyHtml;

    @Column(nullable = false, updatable = false)
    private String bodyText;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected TaskComment() {}

    TaskComment(long taskId, Long authorAgentId, String authorName, TicketText body, Instant now) {
        this.taskId = taskId;
        this.authorAgentId = authorAgentId;
        this.authorName = authorName;
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public long taskId() {
        return taskId;
    }

    public Long authorAgentId() {
        return authorAgentId;
    }

    public String authorName() {
        return authorName;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String bodyText() {
        return bodyText;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
