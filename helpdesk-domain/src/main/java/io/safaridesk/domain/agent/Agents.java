package io.safaridesk.domain.agent;

import io.safaridesk.domain.department.Departments;
import io.safaridesk.domain.profile.Availability;
import io.safaridesk.domain.profile.AvailabilityChanged;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents (staff profiles) of the workspace in context. Identity changes are made by the caller through the hooks
 * each transition takes: a hook runs inside the transaction after the input is checked, so a refused identity change
 * leaves the profile as it was.
 */
@Component
@Transactional
public class Agents {

    private final AgentRepository repository;
    private final Departments departments;
    private final Clock clock;

    Agents(AgentRepository repository, Departments departments, Clock clock) {
        this.repository = repository;
        this.departments = departments;
        this.clock = clock;
    }

    /** A new agent as an admin invites them; {@code leads} is the subset of {@code departments} they lead. */
    public record Invitation(
            String name, String email, String phone, Set<Long> departments, Set<Long> leads, AgentRole role) {

        public Invitation {
            email = email.trim().toLowerCase(Locale.ROOT);
            departments = Set.copyOf(departments);
            leads = Set.copyOf(leads);
        }

        Agent.Profile profile() {
            return new Agent.Profile(name, email, phone, departments, leads);
        }
    }

    /**
     * What an admin may change on an agent. A null {@code role} keeps the role; {@code version}, when given, guards
     * against lost updates.
     */
    public record Changes(
            String name, String phone, Set<Long> departments, Set<Long> leads, AgentRole role, Integer version) {

        public Changes {
            departments = Set.copyOf(departments);
            leads = Set.copyOf(leads);
        }
    }

    /** List filters; a null filter does not restrict. {@code search} matches name or email, ignoring case. */
    public record Filter(Long department, Boolean active, Boolean available, String search) {}

    /**
     * Creates the profile of a new agent; {@code createIdentity} makes the Keycloak user once the input is checked and
     * answers its id.
     */
    public Agent invite(Invitation invitation, Function<Invitation, String> createIdentity) {
        if (repository.existsByEmailIgnoreCaseAndDeletedAtIsNull(invitation.email())) {
            throw AgentEmailTaken.forEmail(invitation.email());
        }
        checkDepartments(invitation.departments(), invitation.leads());
        String userId = createIdentity.apply(invitation);
        return repository.saveAndFlush(Agent.create(userId, invitation.profile(), invitation.role(), clock.instant()));
    }

    /**
     * What Keycloak says about a staff user, as seen at {@code seenAt}.
     *
     * @param active the enabled flag, or null when the source does not know it (a token)
     */
    public record Identity(
            String keycloakUserId, String name, String email, AgentRole role, Boolean active, Instant seenAt) {

        public Identity {
            email = email.trim().toLowerCase(Locale.ROOT);
            name = name == null || name.isBlank() ? email : name.trim();
        }
    }

    /**
     * Creates or updates the profile of a staff user from Keycloak. An identity seen before the profile's last change
     * (an older token) changes nothing; answers whether the profile was created or changed.
     */
    public boolean mirror(Identity identity) {
        Optional<Agent> known = repository.findByKeycloakUserId(identity.keycloakUserId());
        Instant now = clock.instant();
        if (known.isEmpty()) {
            Agent.Profile profile = new Agent.Profile(identity.name(), identity.email(), null, Set.of(), Set.of());
            Agent agent = Agent.create(identity.keycloakUserId(), profile, identity.role(), now);
            if (Boolean.FALSE.equals(identity.active())) {
                agent.deactivate(now);
            }
            repository.saveAndFlush(agent);
            return true;
        }
        Agent agent = known.get();
        if (agent.deleted() || !identity.seenAt().isAfter(agent.updatedAt())) {
            return false;
        }
        boolean changed = agent.mirror(identity.name(), identity.email(), identity.role(), identity.active(), now);
        if (changed) {
            repository.saveAndFlush(agent);
        }
        return changed;
    }

    /** The Keycloak user ids of the agents not marked deleted. */
    @Transactional(readOnly = true)
    public List<String> liveKeycloakUserIds() {
        return repository.findByDeletedAtIsNull().stream()
                .map(Agent::keycloakUserId)
                .toList();
    }

    /** The user no longer holds a staff role in Keycloak: the agent becomes inactive; answers whether it changed. */
    public boolean revokeStaffRole(String keycloakUserId) {
        Optional<Agent> agent = repository.findByKeycloakUserId(keycloakUserId).filter(Agent::active);
        agent.ifPresent(a -> {
            a.deactivate(clock.instant());
            repository.saveAndFlush(a);
        });
        return agent.isPresent();
    }

    /** The user is gone from Keycloak: the agent is marked deleted and keeps its name; answers whether it changed. */
    public boolean markDeleted(String keycloakUserId) {
        Optional<Agent> agent = repository.findByKeycloakUserId(keycloakUserId).filter(a -> !a.deleted());
        agent.ifPresent(a -> {
            a.markDeleted(clock.instant());
            repository.saveAndFlush(a);
        });
        return agent.isPresent();
    }

    /**
     * The profile is where users say whether they take work: only {@link Availability#AVAILABLE} staff receive
     * automatically assigned tickets, so the agent's available flag mirrors it, in the profile change's transaction.
     */
    @EventListener
    public void availabilityChanged(AvailabilityChanged changed) {
        repository.findByKeycloakUserId(changed.userId()).ifPresent(agent -> {
            if (agent.markAvailable(changed.availability() == Availability.AVAILABLE)) {
                repository.saveAndFlush(agent);
            }
        });
    }

    /** The agent with this id, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Agent> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Agent> findByKeycloakUserId(String keycloakUserId) {
        return repository.findByKeycloakUserId(keycloakUserId);
    }

    @Transactional(readOnly = true)
    public List<Agent> list(Filter filter, long afterId, int limit) {
        return repository.findBy(
                matching(filter, afterId),
                query -> query.sortBy(Sort.by("id")).limit(limit).all());
    }

    @Transactional(readOnly = true)
    public Agent get(long id) {
        return repository.findById(id).orElseThrow(() -> AgentNotFound.forId(id));
    }

    /** The agents among {@code ids}, by id; ids of no agent of the workspace are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Agent> byIds(Collection<Long> ids) {
        return repository.findAllById(ids).stream().collect(Collectors.toMap(Agent::id, Function.identity()));
    }

    /** The active, undeleted agents (admins included) with these email addresses, ignoring case. */
    @Transactional(readOnly = true)
    public List<Agent> activeWithEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return repository.findActiveByEmails(
                emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList());
    }

    /** The members (leads first) of a department, which must exist. */
    @Transactional(readOnly = true)
    public List<Agent> membersOf(long departmentId) {
        departments.get(departmentId);
        return list(new Filter(departmentId, null, null, null), 0, 1000).stream()
                .sorted((a, b) -> Boolean.compare(isLead(b, departmentId), isLead(a, departmentId)))
                .toList();
    }

    private static boolean isLead(Agent agent, long departmentId) {
        return agent.memberships().stream().anyMatch(m -> m.departmentId() == departmentId && m.lead());
    }

    /** Applies {@code changes}; {@code syncIdentity} sees the agent before the change and the changes. */
    public Agent update(long id, Changes changes, Consumer<Agent> syncIdentity) {
        Agent agent = live(id);
        if (changes.version() != null && changes.version() != agent.version()) {
            throw new ObjectOptimisticLockingFailureException(Agent.class, id);
        }
        checkDepartments(changes.departments(), changes.leads());
        syncIdentity.accept(agent);
        agent.update(
                new Agent.Profile(
                        changes.name(), agent.email(), changes.phone(), changes.departments(), changes.leads()),
                changes.role() == null ? agent.role() : changes.role(),
                clock.instant());
        return repository.saveAndFlush(agent);
    }

    /** Activates or deactivates; {@code syncIdentity} sees the agent before the change. */
    public Agent changeStatus(long id, boolean active, Consumer<Agent> syncIdentity) {
        Agent agent = live(id);
        syncIdentity.accept(agent);
        if (active) {
            agent.activate(clock.instant());
        } else {
            agent.deactivate(clock.instant());
        }
        return repository.saveAndFlush(agent);
    }

    private Agent live(long id) {
        Agent agent = get(id);
        if (agent.deleted()) {
            throw AgentDeleted.forId(id);
        }
        return agent;
    }

    private void checkDepartments(Set<Long> wanted, Set<Long> leads) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> missing = departments.missing(wanted);
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("departments", "no such department: " + missing));
        }
        Set<Long> notMembers = new LinkedHashSet<>(leads);
        notMembers.removeAll(wanted);
        if (!notMembers.isEmpty()) {
            problems.add(new FieldProblem("leads", "must be among departments: " + notMembers));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
    }

    private static Specification<Agent> matching(Filter filter, long afterId) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.greaterThan(root.get("id"), afterId));
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            if (filter.available() != null) {
                Predicate available = cb.and(cb.isTrue(root.get("active")), cb.isTrue(root.get("available")));
                where.add(filter.available() ? available : cb.not(available));
            }
            if (filter.search() != null && !filter.search().isBlank()) {
                String pattern = "%"
                        + filter.search()
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("name")), pattern, '\\'),
                        cb.like(cb.lower(root.get("email")), pattern, '\\')));
            }
            if (filter.department() != null) {
                where.add(cb.equal(root.join("memberships").get("departmentId"), filter.department()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** No agent with this id in the workspace. */
    public static final class AgentNotFound extends ApiProblem {
        private AgentNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "agent-not-found", "No agent " + id);
        }

        static AgentNotFound forId(long id) {
            return new AgentNotFound(id);
        }
    }

    /** The agent's Keycloak user is gone: the profile is kept for reference and can no longer change. */
    public static final class AgentDeleted extends ApiProblem {
        private AgentDeleted(long id) {
            super(HttpStatus.CONFLICT, "agent-deleted", "Agent " + id + " was deleted from the identity provider");
        }

        static AgentDeleted forId(long id) {
            return new AgentDeleted(id);
        }
    }

    /** Another user of the workspace has this email address. */
    public static final class AgentEmailTaken extends ApiProblem {
        private AgentEmailTaken(String email) {
            super(
                    HttpStatus.CONFLICT,
                    "agent-email-taken",
                    "A user with email " + email + " exists in this workspace",
                    List.of(new FieldProblem("email", "is taken")));
        }

        public static AgentEmailTaken forEmail(String email) {
            return new AgentEmailTaken(email);
        }
    }

    /** The change would leave the workspace without an active admin. */
    public static final class LastAdmin extends ApiProblem {
        private LastAdmin(long id) {
            super(
                    HttpStatus.CONFLICT,
                    "last-admin",
                    "Agent " + id + " is the last active admin of this workspace; make another admin first");
        }

        public static LastAdmin forAgent(long id) {
            return new LastAdmin(id);
        }
    }

    /** Nobody changes their own role or deactivates themselves. */
    public static final class OwnAccount extends ApiProblem {
        private OwnAccount(String detail, String field) {
            super(HttpStatus.FORBIDDEN, "own-account", detail, List.of(new FieldProblem(field, detail)));
        }

        public static OwnAccount roleChange() {
            return new OwnAccount("You cannot change your own role", "role");
        }

        public static OwnAccount deactivation() {
            return new OwnAccount("You cannot deactivate yourself", "active");
        }
    }
}
