package io.safaridesk.domain.macro;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The macros of the workspace in context, as the acting agent may see and manage them (see {@link Macro}). A macro
 * out of the actor's sight does not exist for them (404); one they see but may not manage is a 403.
 */
@Component
@Transactional
public class Macros {

    private final MacroRepository repository;
    private final MacroSearch search;
    private final TicketStatuses statuses;
    private final Agents agents;
    private final Departments departments;
    private final Clock clock;

    Macros(
            MacroRepository repository,
            MacroSearch search,
            TicketStatuses statuses,
            Agents agents,
            Departments departments,
            Clock clock) {
        this.repository = repository;
        this.search = search;
        this.statuses = statuses;
        this.agents = agents;
        this.departments = departments;
        this.clock = clock;
    }

    /** Field changes as a client names them: the status by id or name; null leaves a field alone. */
    public record Actions(
            String status,
            Priority priority,
            Long assigneeId,
            Long departmentId,
            List<String> addTags,
            List<String> removeTags) {}

    /**
     * A macro as a client sends it. On creation a null scope is {@link MacroScope#PERSONAL} and a null visibility
     * {@link MessageVisibility#PUBLIC}; in an update a null component keeps the macro's value, an empty
     * {@code bodyHtml} removes the reply, and {@code actions}, when sent, replace the macro's.
     */
    public record Draft(
            String name,
            MacroScope scope,
            Long departmentId,
            Optional<String> bodyHtml,
            MessageVisibility visibility,
            Actions actions,
            Integer version) {}

    /** A page of the list and the cursor of the next (null on the last page). */
    public record Page(List<Macro> macros, String nextCursor) {}

    /** The list's filters: {@code text} in the name, any of {@code scopes} (empty: all), one department's. */
    public record Query(
            String text, Set<MacroScope> scopes, Long departmentId, MacroSort sort, String cursor, int limit) {}

    public Macro create(Draft draft, Actor actor) {
        Macro.Content content = checked(
                new Macro.Content(
                        draft.name(),
                        draft.scope() == null ? MacroScope.PERSONAL : draft.scope(),
                        null,
                        draft.departmentId(),
                        draft.bodyHtml() == null ? null : draft.bodyHtml().orElse(null),
                        draft.visibility() == null ? MessageVisibility.PUBLIC : draft.visibility(),
                        MacroActions.NONE),
                draft.actions(),
                actor);
        return repository.saveAndFlush(Macro.create(content, actor.userId(), clock.instant()));
    }

    /** The macro with this id, if the actor may see it; else 404. */
    @Transactional(readOnly = true)
    public Macro get(long id, Actor actor) {
        return repository
                .findById(id)
                .filter(macro -> macro.visibleTo(actor))
                .orElseThrow(() -> MacroNotFound.forId(id));
    }

    @Transactional(readOnly = true)
    public Page list(Query query, Actor actor) {
        List<Macro> macros = search.visible(query, actor);
        String next = macros.size() == query.limit()
                ? MacroSort.Position.after(query.sort(), macros.getLast()).encode()
                : null;
        return new Page(macros, next);
    }

    public Macro update(long id, Draft draft, Actor actor) {
        Macro macro = manageable(id, actor);
        if (draft.version() != null && draft.version() != macro.version()) {
            throw new ObjectOptimisticLockingFailureException(Macro.class, id);
        }
        Macro.Content current = macro.content();
        MacroScope scope = draft.scope() == null ? current.scope() : draft.scope();
        Macro.Content content = checked(
                new Macro.Content(
                        draft.name() == null ? current.name() : draft.name(),
                        scope,
                        scope == current.scope() ? current.ownerAgentId() : null,
                        draft.departmentId() != null || scope != current.scope()
                                ? draft.departmentId()
                                : current.departmentId(),
                        draft.bodyHtml() == null
                                ? current.bodyHtml()
                                : draft.bodyHtml().orElse(null),
                        draft.visibility() == null ? current.visibility() : draft.visibility(),
                        current.actions()),
                draft.actions(),
                actor);
        macro.change(content, clock.instant());
        return repository.saveAndFlush(macro);
    }

    public void delete(long id, Actor actor) {
        repository.delete(manageable(id, actor));
    }

    /** Counts a use of the macro. */
    void used(Macro macro) {
        repository.used(macro.id(), clock.instant());
    }

    private Macro manageable(long id, Actor actor) {
        Macro macro = get(id, actor);
        if (!macro.manageableBy(actor)) {
            // a personal macro is seen by its owner alone, so only a shared one can be seen and not managed
            throw NotManageable.shared();
        }
        return macro;
    }

    /**
     * The content made valid: every field problem at once as a 422, then a 403 when the actor may not own a macro of
     * its scope. {@code actions}, when not null, replace the content's.
     */
    private Macro.Content checked(Macro.Content content, Actions actions, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = content.name() == null ? "" : content.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        }
        if (content.scope() == MacroScope.DEPARTMENT) {
            if (content.departmentId() == null) {
                problems.add(new FieldProblem("department_id", "is required for a department macro"));
            } else if (!departments.missing(List.of(content.departmentId())).isEmpty()) {
                problems.add(new FieldProblem("department_id", "names no department of this workspace"));
            }
        } else if (content.departmentId() != null) {
            problems.add(new FieldProblem("department_id", "is only for a macro of scope department"));
        }
        String body = content.bodyHtml() == null || content.bodyHtml().isBlank() ? null : content.bodyHtml();
        if (body != null) {
            try {
                MacroBody.requireKnownPlaceholders("body_html", body);
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        MacroActions checkedActions = actions == null ? content.actions() : actions(actions, problems);
        if (body == null && checkedActions.equals(MacroActions.NONE)) {
            problems.add(
                    new FieldProblem("body_html", "or actions are required: a macro replies or changes something"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        if (content.scope().shared() && !actor.isAdmin()) {
            throw NotManageable.shared();
        }
        Long owner = content.scope().shared()
                ? null
                : content.ownerAgentId() == null ? actor.agentId() : content.ownerAgentId();
        return new Macro.Content(
                name,
                content.scope(),
                owner,
                content.scope() == MacroScope.DEPARTMENT ? content.departmentId() : null,
                body,
                content.visibility(),
                checkedActions);
    }

    private MacroActions actions(Actions actions, List<FieldProblem> problems) {
        Long statusId = null;
        if (actions.status() != null) {
            try {
                statusId = statuses.named("actions.status", actions.status()).id();
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        if (actions.assigneeId() != null
                && agents.find(actions.assigneeId()).filter(Agent::active).isEmpty()) {
            problems.add(new FieldProblem("actions.assignee_id", "names no active agent of this workspace"));
        }
        if (actions.departmentId() != null
                && !departments.missing(List.of(actions.departmentId())).isEmpty()) {
            problems.add(new FieldProblem("actions.department_id", "names no department of this workspace"));
        }
        return new MacroActions(
                statusId,
                actions.priority(),
                actions.assigneeId(),
                actions.departmentId(),
                actions.addTags(),
                actions.removeTags());
    }

    /** No macro with this id that the caller may see. */
    public static final class MacroNotFound extends ApiProblem {
        private MacroNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "macro-not-found", "No macro " + id);
        }

        static MacroNotFound forId(long id) {
            return new MacroNotFound(id);
        }
    }

    /** Shared macros are the admins' to create, change and delete. */
    public static final class NotManageable extends ApiProblem {
        private NotManageable(String detail) {
            super(HttpStatus.FORBIDDEN, "macro-not-manageable", detail);
        }

        static NotManageable shared() {
            return new NotManageable("Only admins create, change and delete department and workspace macros");
        }
    }
}
