package io.safaridesk.domain.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A status of the workspace's own naming, in one of the four {@link StatusCategory categories}. A retired status takes
 * no new tickets but keeps those it has; {@code allowedNext} (empty: any) restricts where a ticket may move from it.
 * A status that {@code pausesSla} stops a ticket's SLA clocks while the ticket is in it (by default the PENDING ones).
 */
@Entity
@Table(name = "ticket_statuses")
public class TicketStatus {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StatusCategory category;

    private int position;

    @Column(name = "is_default")
    private boolean defaultStatus;

    private boolean retired;

    private boolean pausesSla;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ticket_status_transitions", joinColumns = @JoinColumn(name = "from_status_id"))
    @Column(name = "to_status_id")
    private Set<Long> allowedNext = new HashSet<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected TicketStatus() {}

    /** The same state in an instance no persistence context manages, to share between requests (caches). */
    TicketStatus sharedCopy() {
        TicketStatus copy = new TicketStatus();
        copy.id = id;
        copy.name = name;
        copy.category = category;
        copy.position = position;
        copy.defaultStatus = defaultStatus;
        copy.retired = retired;
        copy.pausesSla = pausesSla;
        copy.allowedNext = new HashSet<>(allowedNext);
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        copy.version = version;
        return copy;
    }

    static TicketStatus create(TicketStatuses.Details details, int position, Instant now) {
        TicketStatus status = new TicketStatus();
        status.position = position;
        status.createdAt = now;
        status.change(details.name(), details.category(), details.allowedNext(), details.pausesSla(), now);
        return status;
    }

    void change(String name, StatusCategory category, Set<Long> allowedNext, Boolean pausesSla, Instant now) {
        this.name = name;
        this.category = category;
        this.pausesSla = pausesSla == null ? category == StatusCategory.PENDING : pausesSla;
        this.allowedNext.retainAll(allowedNext);
        this.allowedNext.addAll(allowedNext);
        this.updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }

    void makeDefault(boolean isDefault, Instant now) {
        this.defaultStatus = isDefault;
        this.updatedAt = now;
    }

    void retire(Instant now) {
        this.retired = true;
        this.defaultStatus = false;
        this.updatedAt = now;
    }

    /** Whether a ticket in this status may move to {@code next}. */
    public boolean allowsMoveTo(TicketStatus next) {
        return !next.retired && (allowedNext.isEmpty() || allowedNext.contains(next.id));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public StatusCategory category() {
        return category;
    }

    public int position() {
        return position;
    }

    public boolean isDefault() {
        return defaultStatus;
    }

    public boolean retired() {
        return retired;
    }

    /** Whether a ticket's SLA clocks stand still while it is in this status. */
    public boolean pausesSla() {
        return pausesSla;
    }

    /** The statuses a ticket may move to from this one, in id order; empty means any active status. */
    public Set<Long> allowedNext() {
        return new TreeSet<>(allowedNext);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
