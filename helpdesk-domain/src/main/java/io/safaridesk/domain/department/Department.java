package io.safaridesk.domain.department;

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

/** A team of agents that tickets are routed to, with its own support address. Lives in the workspace's schema. */
@Entity
@Table(name = "departments")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String supportEmail;

    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentMode assignmentMode;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Department() {}

    static Department create(String name, String supportEmail, Instant now) {
        Department department = new Department();
        department.name = name;
        department.supportEmail = supportEmail;
        department.active = true;
        department.assignmentMode = AssignmentMode.MANUAL;
        department.createdAt = now;
        department.updatedAt = now;
        return department;
    }

    void update(String name, String supportEmail, boolean active, Instant now) {
        this.name = name;
        this.supportEmail = supportEmail;
        this.active = active;
        this.updatedAt = now;
    }

    /** Active or not; an inactive department keeps its members and tickets but takes no new work. */
    void changeStatus(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    /** How new tickets of the department are assigned; the round-robin position stays with the ticket routing. */
    void changeAssignment(AssignmentMode mode, Instant now) {
        this.assignmentMode = mode;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String supportEmail() {
        return supportEmail;
    }

    public boolean active() {
        return active;
    }

    public AssignmentMode assignmentMode() {
        return assignmentMode;
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
