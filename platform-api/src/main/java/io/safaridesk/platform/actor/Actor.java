package io.safaridesk.platform.actor;

import java.util.Set;

/**
 * Who is acting in the workspace in context, as the domain needs to know it: the realm user, their role and, for
 * staff, their agent profile and departments; for customers, the contact they are.
 *
 * @param agentId the agent profile of an admin or agent; null for customers
 * @param contactId the contact of a customer; null for staff
 */
public record Actor(String userId, String name, Role role, Long agentId, Set<Long> departments, Long contactId) {

    /** The roles of a workspace realm, from most to least powerful. */
    public enum Role {
        ADMIN,
        AGENT,
        CUSTOMER
    }

    public Actor {
        departments = Set.copyOf(departments);
    }

    public static Actor staff(String userId, String name, Role role, long agentId, Set<Long> departments) {
        return new Actor(userId, name, role, agentId, departments, null);
    }

    public static Actor customer(String userId, String name, long contactId) {
        return new Actor(userId, name, Role.CUSTOMER, null, Set.of(), contactId);
    }

    /** An anonymous web-form submitter acting for a contact the form created or found. */
    public static Actor webForm(String name, long contactId) {
        return new Actor(null, name, Role.CUSTOMER, null, Set.of(), contactId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isStaff() {
        return role != Role.CUSTOMER;
    }
}
