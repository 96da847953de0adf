package io.safaridesk.domain.task;

import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.TicketText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of staff work, linked to a ticket or standalone. Every transition answers the {@link Change}s it made, which
 * the caller records as activity; completing sets {@code completed_at}, reopening clears it.
 */
@Entity
@Table(name = "tasks")
public class Task {

    /** Human task numbers read {@code TSK-1042}. */
    public static final String NUMBER_PREFIX = "TSK-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String descriptionHtml;

    @Column(nullable = false)
    private String descriptionText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    private Long ticketId;

    private Long departmentId;

    private Long assigneeId;

    private Instant dueAt;

    private Instant completedAt;

    private boolean archived;

    private Instant trashedAt;

    private String createdBy;

    private Long creatorAgentId;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Task() {}

    /** One field's change, as the activity history shows it. */
    public record Change(String field, String oldValue, String newValue) {
        static Change of(String field, Object oldValue, Object newValue) {
            return new Change(field, text(oldValue), text(newValue));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /** What a new task starts with, checked by {@link Tasks}. */
    record Opening(
            long number,
            String title,
            TicketText description,
            TaskStatus status,
            Priority priority,
            Long ticketId,
            Long departmentId,
            Instant dueAt,
            String createdBy,
            Long creatorAgentId) {}

    static Task open(Opening opening, Instant now) {
        Task task = new Task();
        task.number = opening.number();
        task.title = opening.title();
        task.descriptionHtml = opening.description().html();
        task.descriptionText = opening.description().text();
        task.status = opening.status();
        task.priority = opening.priority();
        task.ticketId = opening.ticketId();
        task.departmentId = opening.departmentId();
        task.dueAt = opening.dueAt();
        task.createdBy = opening.createdBy();
        task.creatorAgentId = opening.creatorAgentId();
        task.completedAt = opening.status() == TaskStatus.DONE ? now : null;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    List<Change> moveTo(TaskStatus next, Instant now) {
        return set("status", status, next, now, () -> {
            status = next;
            completedAt = next == TaskStatus.DONE ? now : null;
        });
    }

    List<Change> retitle(String title, Instant now) {
        return set("title", this.title, title, now, () -> this.title = title);
    }

    List<Change> describe(TicketText description, Instant now) {
        return set("description", descriptionText, description.text(), now, () -> {
            descriptionHtml = description.html();
            descriptionText = description.text();
        });
    }

    List<Change> prioritise(Priority priority, Instant now) {
        return set("priority", this.priority, priority, now, () -> this.priority = priority);
    }

    List<Change> dueBy(Instant dueAt, Instant now) {
        return set("due_at", this.dueAt, dueAt, now, () -> this.dueAt = dueAt);
    }

    List<Change> assignTo(Long agentId, Instant now) {
        return set("assignee_id", assigneeId, agentId, now, () -> assigneeId = agentId);
    }

    List<Change> moveToDepartment(Long departmentId, Instant now) {
        return set("department_id", this.departmentId, departmentId, now, () -> this.departmentId = departmentId);
    }

    List<Change> linkTo(Long ticketId, Instant now) {
        return set("ticket_id", this.ticketId, ticketId, now, () -> this.ticketId = ticketId);
    }

    List<Change> archive(boolean archived, Instant now) {
        return set("archived", this.archived, archived, now, () -> this.archived = archived);
    }

    List<Change> trash(Instant now) {
        return set("trashed", trashedAt != null, true, now, () -> trashedAt = now);
    }

    /** Out of the trash and out of the archive: the task is back in the lists. */
    List<Change> restore(Instant now) {
        List<Change> changes = new ArrayList<>(set("trashed", trashedAt != null, false, now, () -> trashedAt = null));
        changes.addAll(archive(false, now));
        return changes;
    }

    /** A comment or attachment still makes the task recently updated. */
    void touch(Instant now) {
        updatedAt = now;
    }

    private List<Change> set(String field, Object oldValue, Object newValue, Instant now, Runnable apply) {
        if (Objects.equals(oldValue, newValue)) {
            return List.of();
        }
        apply.run();
        updatedAt = now;
        return List.of(Change.of(field, oldValue, newValue));
    }

    public Long id() {
        return id;
    }

    public long number() {
        return number;
    }

    /** The human number, {@code TSK-1042}. */
    public String taskNumber() {
        return NUMBER_PREFIX + number;
    }

    public String title() {
        return title;
    }

    public String descriptionHtml() {
        return descriptionHtml;
    }

    public String descriptionText() {
        return descriptionText;
    }

    public TaskStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public Long ticketId() {
        return ticketId;
    }

    public Long departmentId() {
        return departmentId;
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public boolean archived() {
        return archived;
    }

    public Instant trashedAt() {
        return trashedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Long creatorAgentId() {
        return creatorAgentId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
