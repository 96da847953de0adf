package io.safaridesk.domain.history;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * One entry of a record's history (a ticket's, a task's): who did what, when, and for a field change the old and new
 * value. Each history table maps a subclass that adds the key of the record it belongs to.
 */
@MappedSuperclass
public abstract class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    protected HistoryEntry() {}

    /** An entry; {@code field}, {@code oldValue} and {@code newValue} are null for an action without a field. */
    protected HistoryEntry(
            String actorId,
            String actorName,
            String action,
            String field,
            String oldValue,
            String newValue,
            Instant createdAt) {
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    /** created, updated, assigned, status_changed, replied, noted, merged, ... */
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
