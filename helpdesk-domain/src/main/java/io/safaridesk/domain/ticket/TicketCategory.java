package io.safaridesk.domain.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A node of the workspace's category tree; optionally owned by a department. */
@Entity
@Table(name = "ticket_categories")
public class TicketCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    private Long parentId;

    private Long departmentId;

    private boolean active;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected TicketCategory() {}

    static TicketCategory create(TicketCategories.Details details, Instant now) {
        TicketCategory category = new TicketCategory();
        category.createdAt = now;
        category.change(details, now);
        return category;
    }

    void change(TicketCategories.Details details, Instant now) {
        this.name = details.name();
        this.description = details.description();
        this.parentId = details.parentId();
        this.departmentId = details.departmentId();
        this.active = details.active();
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Long parentId() {
        return parentId;
    }

    public Long departmentId() {
        return departmentId;
    }

    public boolean active() {
        return active;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
