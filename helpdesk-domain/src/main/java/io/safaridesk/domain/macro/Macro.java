package io.safaridesk.domain.macro;

import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.actor.Actor;
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

/**
 * A canned response: an optional reply or internal note with placeholders and {@link MacroActions field changes}.
 * Personal macros are seen and managed by their owner alone; department macros are seen by the department's members,
 * workspace macros by every agent, and both are managed by admins (who see every shared macro).
 */
@Entity
@Table(name = "macros")
public class Macro {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MacroScope scope;

    private Long ownerAgentId;

    private Long departmentId;

    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageVisibility visibility;

    private Long setStatusId;

    @Enumerated(EnumType.STRING)
    private Priority setPriority;

    private Long setAssigneeId;

    private Long setDepartmentId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> addTags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> removeTags = new ArrayList<>();

    // counted by one update statement per use (MacroRepository.used), never through the entity
    @Column(insertable = false, updatable = false)
    private long usageCount;

    @Column(insertable = false, updatable = false)
    private Instant lastUsedAt;

    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Macro() {}

    /** What a macro is, checked by {@link Macros}: the owner is set for personal macros, the department for theirs. */
    record Content(
            String name,
            MacroScope scope,
            Long ownerAgentId,
            Long departmentId,
            String bodyHtml,
            MessageVisibility visibility,
            MacroActions actions) {}

    static Macro create(Content content, String createdBy, Instant now) {
        Macro macro = new Macro();
        macro.createdBy = createdBy;
        macro.createdAt = now;
        macro.change(content, now);
        return macro;
    }

    void change(Content content, Instant now) {
        name = content.name();
        scope = content.scope();
        ownerAgentId = content.ownerAgentId();
        departmentId = content.departmentId();
        bodyHtml = content.bodyHtml();
        visibility = content.visibility();
        MacroActions actions = content.actions();
        setStatusId = actions.statusId();
        setPriority = actions.priority();
        setAssigneeId = actions.assigneeId();
        setDepartmentId = actions.departmentId();
        addTags = new ArrayList<>(actions.addTags());
        removeTags = new ArrayList<>(actions.removeTags());
        updatedAt = now;
    }

    /** Whether the actor may see and apply it. */
    boolean visibleTo(Actor actor) {
        return switch (scope) {
            case PERSONAL -> ownerAgentId.equals(actor.agentId());
            case DEPARTMENT -> actor.isAdmin() || actor.departments().contains(departmentId);
            case WORKSPACE -> actor.isStaff();
        };
    }

    /** Whether the actor may change or delete it: the owner a personal macro, admins a shared one. */
    boolean manageableBy(Actor actor) {
        return scope.shared() ? actor.isAdmin() : ownerAgentId.equals(actor.agentId());
    }

    Content content() {
        return new Content(name, scope, ownerAgentId, departmentId, bodyHtml, visibility, actions());
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public MacroScope scope() {
        return scope;
    }

    public Long ownerAgentId() {
        return ownerAgentId;
    }

    public Long departmentId() {
        return departmentId;
    }

    /** The reply or note with placeholders; null when the macro only changes fields. */
    public String bodyHtml() {
        return bodyHtml;
    }

    public MessageVisibility visibility() {
        return visibility;
    }

    public MacroActions actions() {
        return new MacroActions(setStatusId, setPriority, setAssigneeId, setDepartmentId, addTags, removeTags);
    }

    public long usageCount() {
        return usageCount;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String createdBy() {
        return createdBy;
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
