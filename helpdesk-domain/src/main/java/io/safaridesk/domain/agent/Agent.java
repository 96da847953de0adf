package io.safaridesk.domain.agent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The helpdesk profile of a workspace user with role admin or agent. Keycloak holds the identity (login, credentials,
 * enabled flag, realm role); this row holds what the helpdesk needs and mirrors the role and the active flag.
 */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String keycloakUserId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(nullable = false)
    @Convert(converter = RoleColumn.class)
    private AgentRole role;

    private boolean active;

    private boolean available;

    private String signature;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_departments", joinColumns = @JoinColumn(name = "agent_id"))
    private Set<Membership> memberships = new HashSet<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant deletedAt;

    @Version
    private int version;

    protected Agent() {}

    static Agent create(String keycloakUserId, Profile profile, AgentRole role, Instant now) {
        Agent agent = new Agent();
        agent.keycloakUserId = keycloakUserId;
        agent.email = profile.email();
        agent.role = role;
        agent.active = true;
        agent.available = true;
        agent.createdAt = now;
        agent.apply(profile, now);
        return agent;
    }

    /** What an admin sets on an agent besides the role. */
    record Profile(String name, String email, String phone, Set<Long> departments, Set<Long> leads) {}

    void update(Profile profile, AgentRole role, Instant now) {
        this.role = role;
        apply(profile, now);
    }

    private void apply(Profile profile, Instant now) {
        this.name = profile.name();
        this.phone = profile.phone();
        Set<Membership> wanted = new HashSet<>();
        for (long department : profile.departments()) {
            wanted.add(new Membership(department, profile.leads().contains(department)));
        }
        memberships.retainAll(wanted);
        memberships.addAll(wanted);
        this.updatedAt = now;
    }

    /** Deactivated: cannot log in and is not assignable; the profile and everything it did stay. */
    void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    /**
     * Takes what Keycloak says about the user; answers whether anything changed. {@code active} null leaves the active
     * flag as it is (a token says nothing about it that the realm has not already enforced).
     */
    boolean mirror(String name, String email, AgentRole role, Boolean active, Instant now) {
        boolean changed = !this.name.equals(name)
                || !this.email.equalsIgnoreCase(email)
                || this.role != role
                || (active != null && this.active != active);
        if (changed) {
            this.name = name;
            this.email = email;
            this.role = role;
            if (active != null) {
                this.active = active;
            }
            this.updatedAt = now;
        }
        return changed;
    }

    /**
     * Mirrors the availability the user sets on their profile; answers whether it changed. Not an identity change, so
     * {@code updatedAt} (which orders identity mirroring) stays.
     */
    boolean markAvailable(boolean available) {
        boolean changed = this.available != available;
        this.available = available;
        return changed;
    }

    /** The Keycloak user is gone: inactive for good, the name stays for whatever refers to the agent. */
    void markDeleted(Instant now) {
        this.active = false;
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String keycloakUserId() {
        return keycloakUserId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public AgentRole role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    /** Whether tickets may be assigned to the agent now: active and not marked away. */
    public boolean available() {
        return active && available;
    }

    public String signature() {
        return signature;
    }

    /** Memberships in department id order. */
    public List<Membership> memberships() {
        return memberships.stream()
                .sorted(Comparator.comparingLong(Membership::departmentId))
                .toList();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the Keycloak user was found deleted; null while it exists. */
    public Instant deletedAt() {
        return deletedAt;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public int version() {
        return version;
    }
}
