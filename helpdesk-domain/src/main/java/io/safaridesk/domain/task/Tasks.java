package io.safaridesk.domain.task;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.TicketText;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks of the workspace in context, as the acting staff member may see and change them (customers: 403). Every
 * change is made by the {@link Task} aggregate, written to the task's history and published as a {@link TaskEvent},
 * in one transaction; a stale {@code version} is a 409.
 */
@Component
@Transactional
public class Tasks {

    /** At most this many tasks in one bulk request. */
    public static final int MAX_BULK = 1000;

    private final TaskRepository repository;
    private final TaskAccess access;
    private final TaskJournal journal;
    private final Tickets tickets;
    private final Departments departments;
    private final Agents agents;
    private final Clock clock;

    Tasks(
            TaskRepository repository,
            TaskAccess access,
            TaskJournal journal,
            Tickets tickets,
            Departments departments,
            Agents agents,
            Clock clock) {
        this.repository = repository;
        this.access = access;
        this.journal = journal;
        this.tickets = tickets;
        this.departments = departments;
        this.agents = agents;
        this.clock = clock;
    }

    /** A new task as its creator describes it; status defaults to TODO, priority to MEDIUM. */
    public record NewTask(
            String title,
            String descriptionHtml,
            TaskStatus status,
            Priority priority,
            Long ticketId,
            Long departmentId,
            Long assigneeId,
            Instant dueAt) {

        public NewTask {
            title = title.strip();
            status = status == null ? TaskStatus.TODO : status;
            priority = priority == null ? Priority.MEDIUM : priority;
        }
    }

    /**
     * A partial update: a null component leaves the field as it is, an empty {@link Optional} clears it.
     * {@code version}, when given, must be the task's.
     */
    public record Changes(
            String title,
            String descriptionHtml,
            Priority priority,
            Optional<Long> departmentId,
            Optional<Instant> dueAt,
            Integer version) {}

    /** What a bulk request does to every task it names. */
    public enum BulkAction {
        ARCHIVE,
        UNARCHIVE,
        TRASH,
        RESTORE;

        /** The action named {@code value} (any case), or a 422 problem naming {@code field}. */
        public static BulkAction of(String field, String value) {
            try {
                return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                throw ApiProblem.invalidField(field, "is not one of archive, unarchive, trash, restore");
            }
        }
    }

    public Task create(NewTask command, Actor actor) {
        staffOnly(actor);
        checkReferences(command.ticketId(), command.departmentId(), command.dueAt(), actor);
        Instant now = clock.instant();
        Task task = repository.save(Task.open(
                new Task.Opening(
                        repository.nextNumber(),
                        command.title(),
                        TicketText.fromHtml(command.descriptionHtml()),
                        command.status(),
                        command.priority(),
                        command.ticketId(),
                        command.departmentId(),
                        command.dueAt(),
                        actor.userId(),
                        actor.agentId()),
                now));
        repository.flush();
        journal.record(task, actor, "created", List.of(), now);
        journal.publish(new TaskEvent.TaskCreated(
                task.id(),
                task.number(),
                task.title(),
                task.ticketId(),
                task.departmentId(),
                command.assigneeId(),
                actor.userId(),
                now));
        if (command.assigneeId() != null) {
            assignTo(task, command.assigneeId(), actor, now);
        }
        return saved(task);
    }

    /** The task with this id, if the actor may see it; else 404. */
    @Transactional(readOnly = true)
    public Task get(long id, Actor actor) {
        staffOnly(actor);
        return repository
                .findById(id)
                .filter(task -> access.canSee(actor, task))
                .orElseThrow(() -> TaskNotFound.forId(id));
    }

    /** The task with this number ({@code TSK-1042} is number 1042), if the actor may see it; else 404. */
    @Transactional(readOnly = true)
    public Task getByNumber(long number, Actor actor) {
        staffOnly(actor);
        return repository
                .findByNumber(number)
                .filter(task -> access.canSee(actor, task))
                .orElseThrow(() -> TaskNotFound.forNumber(number));
    }

    /** Changes the fields the update names (see {@link Changes}). */
    public Task update(long id, Changes changes, Actor actor) {
        Task task = editable(id, changes.version(), actor);
        checkReferences(
                null,
                changes.departmentId() == null ? null : changes.departmentId().orElse(null),
                changes.dueAt() == null ? null : changes.dueAt().orElse(null),
                actor);
        Instant now = clock.instant();
        List<Task.Change> made = new ArrayList<>();
        if (changes.title() != null) {
            made.addAll(task.retitle(changes.title().strip(), now));
        }
        if (changes.descriptionHtml() != null) {
            made.addAll(task.describe(TicketText.fromHtml(changes.descriptionHtml()), now));
        }
        if (changes.priority() != null) {
            made.addAll(task.prioritise(changes.priority(), now));
        }
        if (changes.departmentId() != null) {
            made.addAll(task.moveToDepartment(changes.departmentId().orElse(null), now));
        }
        if (changes.dueAt() != null) {
            made.addAll(task.dueBy(changes.dueAt().orElse(null), now));
        }
        updated(task, actor, made, now);
        return saved(task);
    }

    /** Moves the task to another of the five statuses; DONE dates it, any other status clears the date. */
    public Task changeStatus(long id, TaskStatus status, Integer version, Actor actor) {
        Task task = editable(id, version, actor);
        Instant now = clock.instant();
        TaskStatus previous = task.status();
        List<Task.Change> changes = task.moveTo(status, now);
        if (!changes.isEmpty()) {
            journal.record(task, actor, "status_changed", changes, now);
            journal.publish(
                    new TaskEvent.TaskStatusChanged(task.id(), task.number(), previous, status, actor.userId(), now));
        }
        return saved(task);
    }

    /** Assigns the task to an active agent (a member of its department, or an admin), or unassigns it with null. */
    public Task assign(long id, Long agentId, Integer version, Actor actor) {
        Task task = editable(id, version, actor);
        assignTo(task, agentId, actor, clock.instant());
        return saved(task);
    }

    /** Links the task to a ticket the actor sees, or makes it standalone with null. */
    public Task linkTicket(long id, Long ticketId, Integer version, Actor actor) {
        Task task = editable(id, version, actor);
        checkReferences(ticketId, null, null, actor);
        Instant now = clock.instant();
        updated(task, actor, task.linkTo(ticketId, now), now);
        return saved(task);
    }

    /** A page of the task's history, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskActivity> history(long id, Actor actor, long afterId, int limit) {
        return journal.history(get(id, actor).id(), afterId, limit);
    }

    /**
     * Archives, unarchives, trashes or restores up to {@value #MAX_BULK} tasks, all or nothing: a task the actor does
     * not see fails the whole request (422 naming {@code task_ids[i]}). Answers the tasks in request order.
     */
    public List<Task> bulk(BulkAction action, List<Long> ids, Actor actor) {
        staffOnly(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (action == null) {
            problems.add(new FieldProblem("action", "is required"));
        }
        List<Long> requested = ids == null ? List.of() : ids;
        if (requested.isEmpty() || requested.size() > MAX_BULK) {
            problems.add(new FieldProblem("task_ids", "must name 1 to " + MAX_BULK + " tasks"));
        }
        for (int i = 0; i < requested.size() && i < MAX_BULK; i++) {
            if (requested.get(i) == null) {
                problems.add(new FieldProblem("task_ids[" + i + "]", "is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        List<Long> unique = List.copyOf(new LinkedHashSet<>(requested));
        Map<Long, Task> found = repository.findAllById(unique).stream()
                .filter(task -> access.canSee(actor, task))
                .collect(Collectors.toMap(Task::id, Function.identity()));
        for (int i = 0; i < requested.size(); i++) {
            if (!found.containsKey(requested.get(i))) {
                problems.add(new FieldProblem("task_ids[" + i + "]", "names no task you can see"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        Instant now = clock.instant();
        List<Task> changed = new ArrayList<>();
        for (long id : unique) {
            Task task = found.get(id);
            List<Task.Change> made = switch (action) {
                case ARCHIVE -> task.archive(true, now);
                case UNARCHIVE -> task.archive(false, now);
                case TRASH -> task.trash(now);
                case RESTORE -> task.restore(now);
            };
            updated(task, actor, made, now);
            changed.add(task);
        }
        repository.flush();
        return changed;
    }

    /** A task the actor may change: visible and at the expected version. */
    Task editable(long id, Integer version, Actor actor) {
        Task task = get(id, actor);
        if (version != null && version != task.version()) {
            throw new ObjectOptimisticLockingFailureException(Task.class, id);
        }
        return task;
    }

    Task saved(Task task) {
        return repository.saveAndFlush(task);
    }

    /** Records field changes that have no event of their own as one {@link TaskEvent.TaskUpdated}. */
    void updated(Task task, Actor actor, List<Task.Change> changes, Instant now) {
        if (!changes.isEmpty()) {
            journal.record(task, actor, "updated", changes, now);
            journal.publish(new TaskEvent.TaskUpdated(task.id(), task.number(), changes, actor.userId(), now));
        }
    }

    private void assignTo(Task task, Long agentId, Actor actor, Instant now) {
        if (agentId != null) {
            checkAssignable(
                    task,
                    agents.find(agentId)
                            .orElseThrow(
                                    () -> ApiProblem.invalidField("agent_id", "names no agent of this workspace")));
        }
        Long previous = task.assigneeId();
        List<Task.Change> changes = task.assignTo(agentId, now);
        if (!changes.isEmpty()) {
            journal.record(task, actor, "assigned", changes, now);
            journal.publish(
                    new TaskEvent.TaskAssigned(task.id(), task.number(), agentId, previous, actor.userId(), now));
        }
    }

    /** Whether the agent may take the task: active, and a member of its department (admins take any). */
    private static void checkAssignable(Task task, Agent agent) {
        if (!agent.active()) {
            throw ApiProblem.invalidField("agent_id", "names an inactive agent");
        }
        boolean member = task.departmentId() == null
                || agent.memberships().stream().anyMatch(m -> m.departmentId() == task.departmentId());
        if (!member && agent.role() != AgentRole.ADMIN) {
            throw ApiProblem.invalidField("agent_id", "is not a member of the task's department");
        }
    }

    private void checkReferences(Long ticketId, Long departmentId, Instant dueAt, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ticketId != null && !tickets.canSee(ticketId, actor)) {
            problems.add(new FieldProblem("ticket_id", "names no ticket you can see"));
        }
        if (departmentId != null && !departments.missing(List.of(departmentId)).isEmpty()) {
            problems.add(new FieldProblem("department_id", "names no department of this workspace"));
        }
        if (dueAt != null && dueAt.isBefore(clock.instant())) {
            problems.add(new FieldProblem("due_at", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
    }

    static void staffOnly(Actor actor) {
        if (!actor.isStaff()) {
            throw StaffOnly.tasks();
        }
    }

    /** No task with this id or number that the caller may see. */
    public static final class TaskNotFound extends ApiProblem {
        private TaskNotFound(String detail) {
            super(HttpStatus.NOT_FOUND, "task-not-found", detail);
        }

        public static TaskNotFound forId(long id) {
            return new TaskNotFound("No task " + id);
        }

        static TaskNotFound forNumber(long number) {
            return new TaskNotFound("No task number " + number);
        }
    }

    /** Tasks are staff work: customers never see them. */
    public static final class StaffOnly extends ApiProblem {
        private StaffOnly() {
            super(HttpStatus.FORBIDDEN, "staff-only", "Only agents and admins work with tasks");
        }

        static StaffOnly tasks() {
            return new StaffOnly();
        }
    }
}
