package io.safaridesk.domain.task;

import io.safaridesk.domain.attachment.Uploads;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file attached to a task, or to one comment of it; its bytes are kept by {@link Uploads}. */
@Entity
@Table(name = "task_attachments")
public class TaskAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long taskId;

    @Column(updatable = false)
    private Long commentId;

    @Column(nullable = false, updatable = false)
    private String filename;

    @Column(nullable = false, updatable = false)
    private String contentType;

    @Column(nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private String storageKey;

    @Column(updatable = false)
    private String uploadedBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected TaskAttachment() {}

    TaskAttachment(long taskId, Long commentId, Uploads.Stored stored, String uploadedBy, Instant now) {
        this.taskId = taskId;
        this.commentId = commentId;
        this.filename = stored.filename();
        this.contentType = stored.contentType();
        this.sizeBytes = stored.sizeBytes();
        this.storageKey = stored.storageKey();
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public long taskId() {
        return taskId;
    }

    public Long commentId() {
        return commentId;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    String storageKey() {
        return storageKey;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
