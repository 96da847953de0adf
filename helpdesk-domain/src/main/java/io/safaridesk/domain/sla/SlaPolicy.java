package io.safaridesk.domain.sla;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An SLA policy: which tickets it applies to (every non-empty condition must hold: priority, department, category,
 * channel, requester's email domain), the calendar its clocks run on, its targets per priority, and what a breach does
 * to the ticket (raise its priority, reassign it, add watchers). Policies apply in the admins' order.
 */
@Entity
@Table(name = "sla_policies")
public class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private int position;

    private boolean active;

    private long calendarId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> priorities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "bigint[]")
    private List<Long> departmentIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "bigint[]")
    private List<Long> categoryIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> channels = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> requesterDomains = new ArrayList<>();

    private boolean escalateRaisePriority;

    private Long escalateAssigneeId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "bigint[]")
    private List<Long> escalateWatcherIds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sla_policy_targets", joinColumns = @JoinColumn(name = "policy_id"))
    private List<SlaTarget> targets = new ArrayList<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected SlaPolicy() {}

    static SlaPolicy create(SlaPolicies.Validated policy, int position, Instant now) {
        SlaPolicy created = new SlaPolicy();
        created.position = position;
        created.createdAt = now;
        created.update(policy, now);
        return created;
    }

    void update(SlaPolicies.Validated policy, Instant now) {
        name = policy.name();
        active = policy.active();
        calendarId = policy.calendarId();
        priorities =
                new ArrayList<>(policy.priorities().stream().map(Priority::name).toList());
        departmentIds = new ArrayList<>(policy.departmentIds());
        categoryIds = new ArrayList<>(policy.categoryIds());
        channels = new ArrayList<>(policy.channels().stream().map(Channel::name).toList());
        requesterDomains = new ArrayList<>(policy.requesterDomains());
        escalateRaisePriority = policy.escalation().raisePriority();
        escalateAssigneeId = policy.escalation().assigneeId();
        escalateWatcherIds = new ArrayList<>(policy.escalation().watcherIds());
        targets.clear();
        targets.addAll(policy.targets());
        updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }

    /** Whether every condition of this active policy holds for a ticket with these facts. */
    boolean matches(SlaClocks.Facts facts) {
        return active
                && (priorities.isEmpty() || priorities.contains(facts.priority().name()))
                && (departmentIds.isEmpty() || departmentIds.contains(facts.departmentId()))
                && (categoryIds.isEmpty() || categoryIds.contains(facts.categoryId()))
                && (channels.isEmpty() || channels.contains(facts.channel().name()))
                && (requesterDomains.isEmpty() || requesterDomains.contains(domain(facts.requesterEmail())));
    }

    private static String domain(String email) {
        return email == null ? null : email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The policy's target for {@code metric} on a ticket of {@code priority}, in minutes, if it has one. */
    Optional<Integer> targetMinutes(Priority priority, SlaMetric metric) {
        return targets.stream()
                .filter(t -> t.priority() == priority)
                .findFirst()
                .map(t -> t.minutes(metric));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }

    public boolean active() {
        return active;
    }

    public long calendarId() {
        return calendarId;
    }

    public List<Priority> priorities() {
        return priorities.stream().map(Priority::valueOf).toList();
    }

    public List<Long> departmentIds() {
        return List.copyOf(departmentIds);
    }

    public List<Long> categoryIds() {
        return List.copyOf(categoryIds);
    }

    public List<Channel> channels() {
        return channels.stream().map(Channel::valueOf).toList();
    }

    public List<String> requesterDomains() {
        return List.copyOf(requesterDomains);
    }

    public boolean escalateRaisePriority() {
        return escalateRaisePriority;
    }

    public Long escalateAssigneeId() {
        return escalateAssigneeId;
    }

    public List<Long> escalateWatcherIds() {
        return List.copyOf(escalateWatcherIds);
    }

    /** The targets in priority order, most urgent first. */
    public List<SlaTarget> targets() {
        return targets.stream()
                .sorted(java.util.Comparator.comparing(SlaTarget::priority))
                .toList();
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
