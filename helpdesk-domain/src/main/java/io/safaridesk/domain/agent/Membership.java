package io.safaridesk.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** An agent's place in a department: a member, possibly its lead. */
@Embeddable
public class Membership {

    @Column(name = "department_id", nullable = false)
    private long departmentId;

    @Column(nullable = false)
    private boolean lead;

    protected Membership() {}

    Membership(long departmentId, boolean lead) {
        this.departmentId = departmentId;
        this.lead = lead;
    }

    public long departmentId() {
        return departmentId;
    }

    public boolean lead() {
        return lead;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Membership that && departmentId == that.departmentId && lead == that.lead;
    }

    @Override
    public int hashCode() {
        return Objects.hash(departmentId, lead);
    }
}
