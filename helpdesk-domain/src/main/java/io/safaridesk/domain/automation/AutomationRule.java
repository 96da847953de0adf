package io.safaridesk.domain.automation;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trigger or time rule of the workspace: when its conditions hold (all of them), it runs its actions in order.
 * Rules of a kind run in {@code position} order (then id). Conditions and actions are stored as validated JSON.
 */
@Entity
@Table(name = "automation_rules")
public class AutomationRule {

    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {};
    private static final TypeReference<List<RuleAction>> ACTIONS = new TypeReference<>() {};

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RuleKind kind;

    @Column(nullable = false)
    private String name;

    private boolean enabled;

    private int position;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> events = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String conditions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String actions;

    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected AutomationRule() {}

    /** What a rule is, validated ({@link RuleChecks}). */
    public record Content(
            String name,
            boolean enabled,
            List<TriggerEvent> events,
            List<Condition> conditions,
            List<RuleAction> actions) {}

    static AutomationRule create(RuleKind kind, Content content, int position, String createdBy, Instant now) {
        AutomationRule rule = new AutomationRule();
        rule.kind = kind;
        rule.createdBy = createdBy;
        rule.createdAt = now;
        rule.position = position;
        rule.change(content, now);
        return rule;
    }

    void change(Content content, Instant now) {
        this.name = content.name();
        this.enabled = content.enabled();
        this.events = new ArrayList<>(
                content.events().stream().map(TriggerEvent::label).toList());
        this.conditions = JsonMapper.shared().writeValueAsString(content.conditions());
        this.actions = JsonMapper.shared().writeValueAsString(content.actions());
        this.updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public RuleKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }

    public int position() {
        return position;
    }

    public List<TriggerEvent> events() {
        return events.stream().flatMap(e -> TriggerEvent.find(e).stream()).toList();
    }

    public List<Condition> conditions() {
        return JsonMapper.shared().readValue(conditions, CONDITIONS);
    }

    public List<RuleAction> actions() {
        return JsonMapper.shared().readValue(actions, ACTIONS);
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
