package io.safaridesk.domain.ticket;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's request and the work on it. Every transition checks its rule and answers the {@link Change}s it made,
 * which the caller records as activity; a closed ticket changes only by being reopened.
 */
@Entity
@Table(name = "tickets")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String descriptionHtml;

    @Column(nullable = false)
    private String descriptionText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    private long requesterId;

    private long statusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    private Long departmentId;

    private Long categoryId;

    private Long assigneeId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    private Instant dueAt;

    private Instant firstResponseAt;

    private Instant resolvedAt;

    private Instant closedAt;

    private boolean archived;

    private Instant trashedAt;

    private Long mergedIntoId;

    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Ticket() {}

    /** One field's change, as the activity history shows it. */
    public record Change(String field, String oldValue, String newValue) {
        static Change of(String field, Object oldValue, Object newValue) {
            return new Change(field, text(oldValue), text(newValue));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /** What a new ticket starts with, checked by {@link Tickets}. */
    record Opening(
            long number,
            String subject,
            TicketText description,
            Channel channel,
            long requesterId,
            Priority priority,
            Long departmentId,
            Long categoryId,
            List<String> tags,
            Instant dueAt,
            String createdBy) {}

    static Ticket open(Opening opening, TicketStatus initial, Instant now) {
        Ticket ticket = new Ticket();
        ticket.number = opening.number();
        ticket.subject = opening.subject();
        ticket.descriptionHtml = opening.description().html();
        ticket.descriptionText = opening.description().text();
        ticket.channel = opening.channel();
        ticket.requesterId = opening.requesterId();
        ticket.statusId = initial.id();
        ticket.priority = opening.priority();
        ticket.departmentId = opening.departmentId();
        ticket.categoryId = opening.categoryId();
        ticket.tags = new ArrayList<>(opening.tags());
        ticket.dueAt = opening.dueAt();
        ticket.createdBy = opening.createdBy();
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    /** Moves to {@code next}, if {@code current} (this ticket's status) allows it; resolving and closing are dated. */
    List<Change> moveTo(TicketStatus current, TicketStatus next, Instant now) {
        if (current.id() != statusId) {
            throw new IllegalArgumentException("Status " + current.id() + " is not the ticket's status");
        }
        if (next.id() == statusId) {
            return List.of();
        }
        if (!current.allowsMoveTo(next)) {
            throw Tickets.TransitionNotAllowed.between(current, next);
        }
        statusId = next.id();
        switch (next.category()) {
            case RESOLVED -> {
                resolvedAt = now;
                closedAt = null;
            }
            case CLOSED -> {
                resolvedAt = resolvedAt == null ? now : resolvedAt;
                closedAt = now;
            }
            case OPEN, PENDING -> {
                resolvedAt = null;
                closedAt = null;
            }
        }
        return touched(now, Change.of("status", current.name(), next.name()));
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

    List<Change> categorise(Long categoryId, Instant now) {
        return set("category_id", this.categoryId, categoryId, now, () -> this.categoryId = categoryId);
    }

    List<Change> retitle(String subject, Instant now) {
        return set("subject", this.subject, subject, now, () -> this.subject = subject);
    }

    List<Change> describe(TicketText description, Instant now) {
        return set("description", descriptionText, description.text(), now, () -> {
            descriptionHtml = description.html();
            descriptionText = description.text();
        });
    }

    List<Change> retag(List<String> tags, Instant now) {
        return set("tags", String.join(",", this.tags), String.join(",", tags), now, () -> {
            this.tags = new ArrayList<>(tags);
        });
    }

    List<Change> archive(boolean archived, Instant now) {
        return set("archived", this.archived, archived, now, () -> this.archived = archived);
    }

    List<Change> trash(Instant now) {
        return set("trashed", trashedAt != null, true, now, () -> trashedAt = now);
    }

    /** Out of the trash (and out of the archive): the ticket is back in the lists. */
    List<Change> restore(Instant now) {
        List<Change> changes = new ArrayList<>(set("trashed", trashedAt != null, false, now, () -> trashedAt = null));
        changes.addAll(archive(false, now));
        return changes;
    }

    /** Merged into {@code target}, this ticket is closed for good and points there. */
    List<Change> mergeInto(Ticket target, TicketStatus current, TicketStatus closed, Instant now) {
        List<Change> changes =
                new ArrayList<>(set("merged_into", null, target.number, now, () -> mergedIntoId = target.id));
        if (current.id() != closed.id()) {
            statusId = closed.id();
            closedAt = now;
            changes.add(Change.of("status", current.name(), closed.name()));
        }
        return changes;
    }

    /** The first public reply of an agent: answers whether this was it. */
    boolean respondedAt(Instant now) {
        if (firstResponseAt != null) {
            return false;
        }
        firstResponseAt = now;
        updatedAt = now;
        return true;
    }

    /**
     * The requester wrote again on a ticket that waits for them or was resolved: it is open again, in {@code initial},
     * whatever transitions the workspace allows between statuses (those bind agents, not the customer's reply).
     */
    List<Change> reopenOnReply(TicketStatus current, TicketStatus initial, Instant now) {
        if (current.id() != statusId) {
            throw new IllegalArgumentException("Status " + current.id() + " is not the ticket's status");
        }
        if (current.category() != StatusCategory.RESOLVED && current.category() != StatusCategory.PENDING) {
            return List.of();
        }
        statusId = initial.id();
        resolvedAt = null;
        closedAt = null;
        return touched(now, Change.of("status", current.name(), initial.name()));
    }

    /** A change to the conversation (reply, note, attachment, watcher) still makes the ticket recently updated. */
    void touch(Instant now) {
        updatedAt = now;
    }

    private List<Change> set(String field, Object oldValue, Object newValue, Instant now, Runnable apply) {
        if (Objects.equals(oldValue, newValue)) {
            return List.of();
        }
        apply.run();
        return touched(now, Change.of(field, oldValue, newValue));
    }

    private List<Change> touched(Instant now, Change change) {
        updatedAt = now;
        return List.of(change);
    }

    public Long id() {
        return id;
    }

    public long number() {
        return number;
    }

    public String subject() {
        return subject;
    }

    public String descriptionHtml() {
        return descriptionHtml;
    }

    public String descriptionText() {
        return descriptionText;
    }

    public Channel channel() {
        return channel;
    }

    public long requesterId() {
        return requesterId;
    }

    public long statusId() {
        return statusId;
    }

    public Priority priority() {
        return priority;
    }

    public Long departmentId() {
        return departmentId;
    }

    public Long categoryId() {
        return categoryId;
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean archived() {
        return archived;
    }

    public Instant trashedAt() {
        return trashedAt;
    }

    public boolean trashed() {
        return trashedAt != null;
    }

    public Long mergedIntoId() {
        return mergedIntoId;
    }

    public String createdBy() {
        return createdBy;
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
