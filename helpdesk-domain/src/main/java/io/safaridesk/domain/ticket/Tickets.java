package io.safaridesk.domain.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.observability.OnCommit;
import io.safaridesk.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets of the workspace in context, as the acting user may see and change them. Every change is checked by
 * the {@link Ticket} aggregate, written to the ticket's history and published as a {@link TicketEvent}, in one
 * transaction; a stale {@code version} is a 409.
 */
@Component
@Transactional
public class Tickets {

    private final TicketRepository repository;
    private final TicketStatuses statuses;
    private final TicketCategories categories;
    private final TicketAccess access;
    private final TicketJournal journal;
    private final Contacts contacts;
    private final Departments departments;
    private final Agents agents;
    private final TicketRouting routing;
    private final OpenTaskGuard openTasks;
    private final Clock clock;
    private final MeterRegistry meters;

    Tickets(
            TicketRepository repository,
            TicketStatuses statuses,
            TicketCategories categories,
            TicketAccess access,
            TicketJournal journal,
            Contacts contacts,
            Departments departments,
            Agents agents,
            TicketRouting routing,
            OpenTaskGuard openTasks,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.statuses = statuses;
        this.categories = categories;
        this.access = access;
        this.journal = journal;
        this.contacts = contacts;
        this.departments = departments;
        this.agents = agents;
        this.routing = routing;
        this.openTasks = openTasks;
        this.clock = clock;
        this.meters = meters;
    }

    /** Who a ticket is for: an existing contact, or a name and email (a contact is found or made by email). */
    public record Requester(Long contactId, String name, String email, String phone) {}

    /** A new ticket as its creator describes it; a customer's choice of assignee is ignored. */
    public record NewTicket(
            String subject,
            String descriptionHtml,
            Channel channel,
            Requester requester,
            Priority priority,
            Long departmentId,
            Long categoryId,
            Long assigneeId,
            List<String> tags,
            Instant dueAt) {

        public NewTicket {
            subject = subject.strip();
            priority = priority == null ? Priority.MEDIUM : priority;
            tags = Tags.normalise(tags);
        }
    }

    /**
     * A partial update: a null component leaves the field as it is, an empty {@link Optional} clears it.
     * {@code version}, when given, must be the ticket's.
     */
    public record Changes(
            String subject,
            String descriptionHtml,
            Optional<Long> departmentId,
            Optional<Long> categoryId,
            List<String> tags,
            Priority priority,
            Optional<Instant> dueAt,
            Integer version) {}

    public Ticket create(NewTicket command, Actor actor) {
        long requesterId = requesterOf(command, actor);
        checkReferences(command.departmentId(), command.categoryId(), command.dueAt());
        TicketText description = TicketText.fromHtml(command.descriptionHtml());
        TicketStatus initial = statuses.initial();
        TicketRouting.Inputs routingInputs = routing.inputs(requesterId);
        Instant now = clock.instant();
        // the number comes after every read: its counter row stays locked until commit, so the work before it is
        // kept out; only the writes of the ticket, its history and its events follow
        Ticket ticket = repository.save(Ticket.open(
                new Ticket.Opening(
                        repository.nextNumber(),
                        command.subject(),
                        description,
                        command.channel(),
                        requesterId,
                        command.priority(),
                        command.departmentId(),
                        command.categoryId(),
                        command.tags(),
                        command.dueAt(),
                        actor.userId()),
                initial,
                now));
        repository.flush();
        // "opened", not "created": Prometheus reserves the _created suffix of counters for their creation time
        OnCommit.increment(
                meters.counter(
                        "safaridesk.tickets.opened",
                        "channel",
                        ticket.channel().name().toLowerCase(),
                        "workspace",
                        TenantContext.current().value()),
                1);
        journal.record(ticket, actor, "created", List.of(), now);
        journal.publish(new TicketEvent.TicketCreated(
                ticket.id(),
                ticket.number(),
                ticket.subject(),
                ticket.channel(),
                ticket.priority(),
                ticket.departmentId(),
                requesterId,
                actor.userId(),
                now));
        if (actor.isStaff() && command.assigneeId() != null) {
            assignTo(ticket, command.assigneeId(), actor, now);
        }
        routing.route(ticket, routingInputs, this, now);
        return saved(ticket);
    }

    /** The ticket with this id, if the actor may see it; else 404. */
    @Transactional(readOnly = true)
    public Ticket get(long id, Actor actor) {
        return repository
                .findById(id)
                .filter(ticket -> access.canSee(actor, ticket))
                .orElseThrow(() -> TicketNotFound.forId(id));
    }

    /** Whether the ticket with this id exists and the actor may see it. */
    @Transactional(readOnly = true)
    public boolean canSee(long id, Actor actor) {
        return repository
                .findById(id)
                .filter(ticket -> access.canSee(actor, ticket))
                .isPresent();
    }

    /**
     * Who may see the ticket, read in one go for checking many readers at once (real-time fan-out); empty when the
     * ticket no longer exists. Not filtered by an actor: the caller decides what each reader receives.
     */
    @Transactional(readOnly = true)
    public Optional<TicketAudience> audience(long id) {
        return repository.findById(id).map(access::audience);
    }

    /** The ticket with this number ({@code T-1042} is number 1042), if the actor may see it; else 404. */
    @Transactional(readOnly = true)
    public Ticket getByNumber(long number, Actor actor) {
        return repository
                .findByNumber(number)
                .filter(ticket -> access.canSee(actor, ticket))
                .orElseThrow(() -> TicketNotFound.forNumber(number));
    }

    /**
     * Moves the ticket to the status named by id or name, if its current status allows that move. Resolving or closing
     * a ticket with open tasks is refused (409 {@code ticket-has-open-tasks}) unless {@code overrideReason} is given;
     * the reason is then recorded in the ticket's history.
     */
    public Ticket changeStatus(long id, String status, Integer version, String overrideReason, Actor actor) {
        Ticket ticket = editable(id, version, actor);
        TicketStatus current = statuses.get(ticket.statusId());
        TicketStatus next = statuses.named("status", status);
        Instant now = clock.instant();
        if (closes(current, next)) {
            List<String> open = openTasks.openTasks(List.of(ticket.id())).getOrDefault(ticket.id(), List.of());
            if (!open.isEmpty()) {
                if (overrideReason == null || overrideReason.isBlank()) {
                    throw TicketHasOpenTasks.forTasks(ticket.id(), open);
                }
                openTasksOverridden(ticket, open, overrideReason, actor, now);
            }
        }
        statusChanged(ticket, current, next, actor, now);
        return saved(ticket);
    }

    /** Whether the move resolves or closes the ticket, which the open-task rule guards. */
    static boolean closes(TicketStatus current, TicketStatus next) {
        return current.id() != next.id().longValue()
                && (next.category() == StatusCategory.RESOLVED || next.category() == StatusCategory.CLOSED);
    }

    /** Records that the actor resolved or closed the ticket despite its open tasks, and why. */
    void openTasksOverridden(Ticket ticket, List<String> open, String reason, Actor actor, Instant now) {
        journal.record(
                ticket,
                actor,
                "open_tasks_overridden",
                List.of(
                        Ticket.Change.of("open_tasks", null, String.join(", ", open)),
                        Ticket.Change.of("override_reason", null, reason.strip())),
                now);
    }

    /** Moves the ticket from {@code current} to {@code next} (if allowed) and records it. */
    void statusChanged(Ticket ticket, TicketStatus current, TicketStatus next, Actor actor, Instant now) {
        List<Ticket.Change> changes = ticket.moveTo(current, next, now);
        if (!changes.isEmpty()) {
            journal.record(ticket, actor, "status_changed", changes, now);
            journal.publish(new TicketEvent.TicketStatusChanged(
                    ticket.id(), ticket.number(), current.name(), next.name(), next.category(), actor.userId(), now));
        }
    }

    /** Assigns the ticket to an active agent (a member of its department, or an admin), or unassigns it with null. */
    public Ticket assign(long id, Long agentId, Integer version, Actor actor) {
        Ticket ticket = editable(id, version, actor);
        assignTo(ticket, agentId, actor, clock.instant());
        return saved(ticket);
    }

    /** Changes the fields the update names (see {@link Changes}). */
    public Ticket update(long id, Changes changes, Actor actor) {
        Ticket ticket = editable(id, changes.version(), actor);
        checkReferences(
                changes.departmentId() == null ? null : changes.departmentId().orElse(null),
                changes.categoryId() == null ? null : changes.categoryId().orElse(null),
                changes.dueAt() == null ? null : changes.dueAt().orElse(null));
        Instant now = clock.instant();
        List<Ticket.Change> made = new ArrayList<>();
        if (changes.subject() != null) {
            made.addAll(ticket.retitle(changes.subject().strip(), now));
        }
        if (changes.descriptionHtml() != null) {
            made.addAll(ticket.describe(TicketText.fromHtml(changes.descriptionHtml()), now));
        }
        if (changes.departmentId() != null) {
            made.addAll(ticket.moveToDepartment(changes.departmentId().orElse(null), now));
        }
        if (changes.categoryId() != null) {
            made.addAll(ticket.categorise(changes.categoryId().orElse(null), now));
        }
        if (changes.tags() != null) {
            made.addAll(ticket.retag(Tags.normalise(changes.tags()), now));
        }
        if (changes.priority() != null) {
            made.addAll(ticket.prioritise(changes.priority(), now));
        }
        if (changes.dueAt() != null) {
            made.addAll(ticket.dueBy(changes.dueAt().orElse(null), now));
        }
        updated(ticket, actor, made, now);
        return saved(ticket);
    }

    /**
     * Records that the actor applied a macro to the ticket (which they must be able to change): one history entry
     * naming it, ahead of the entries of the changes it makes through this facade.
     */
    public void macroApplied(long id, String macroName, Actor actor) {
        Ticket ticket = editable(id, null, actor);
        journal.record(
                ticket, actor, "macro_applied", List.of(Ticket.Change.of("macro", null, macroName)), clock.instant());
    }

    /**
     * Records that an automation rule acts on the ticket: one history entry {@code <kind>_fired} naming it (field
     * {@code kind}), ahead of the entries of the changes it makes through this facade.
     */
    public void automationApplied(long id, String kind, String ruleName, Actor actor) {
        Ticket ticket = editable(id, null, actor);
        journal.record(
                ticket, actor, kind + "_fired", List.of(Ticket.Change.of(kind, null, ruleName)), clock.instant());
    }

    /** A page of the ticket's history, oldest first. */
    @Transactional(readOnly = true)
    public List<TicketActivity> history(long id, Actor actor, long afterId, int limit) {
        return journal.history(get(id, actor).id(), afterId, limit);
    }

    /** Records field changes that have no event of their own as one {@link TicketEvent.TicketUpdated}. */
    void updated(Ticket ticket, Actor actor, List<Ticket.Change> changes, Instant now) {
        if (!changes.isEmpty()) {
            journal.record(ticket, actor, "updated", changes, now);
            journal.publish(new TicketEvent.TicketUpdated(ticket.id(), ticket.number(), changes, actor.userId(), now));
        }
    }

    /** A ticket the actor may change: visible, at the expected version, and not closed for good by a merge. */
    Ticket editable(long id, Integer version, Actor actor) {
        Ticket ticket = get(id, actor);
        if (version != null && version != ticket.version()) {
            throw new ObjectOptimisticLockingFailureException(Ticket.class, id);
        }
        if (ticket.mergedIntoId() != null) {
            throw TicketMerged.forId(id);
        }
        return ticket;
    }

    /** The ticket for a change by a sender the caller vouches for (inbound mail): no access check; not merged. */
    Ticket editableByParticipant(long id) {
        Ticket ticket = repository.findById(id).orElseThrow(() -> TicketNotFound.forId(id));
        if (ticket.mergedIntoId() != null) {
            throw TicketMerged.forId(id);
        }
        return ticket;
    }

    Ticket saved(Ticket ticket) {
        return repository.saveAndFlush(ticket);
    }

    void assignTo(Ticket ticket, Long agentId, Actor actor, Instant now) {
        if (agentId != null) {
            checkAssignable(ticket, agents.get(agentId));
        }
        Long previous = ticket.assigneeId();
        List<Ticket.Change> changes = ticket.assignTo(agentId, now);
        if (!changes.isEmpty()) {
            journal.record(ticket, actor, "assigned", changes, now);
            journal.publish(new TicketEvent.TicketAssigned(
                    ticket.id(), ticket.number(), agentId, previous, actorId(actor), now));
        }
    }

    private static String actorId(Actor actor) {
        return actor == null ? null : actor.userId();
    }

    /** Whether the agent may take the ticket: active, and a member of its department (admins take any). */
    static void checkAssignable(Ticket ticket, Agent agent) {
        if (!agent.active()) {
            throw ApiProblem.invalidField("agent_id", "names an inactive agent");
        }
        boolean member = ticket.departmentId() == null
                || agent.memberships().stream().anyMatch(m -> m.departmentId() == ticket.departmentId());
        if (!member && agent.role() != AgentRole.ADMIN) {
            throw ApiProblem.invalidField("agent_id", "is not a member of the ticket's department");
        }
    }

    private long requesterOf(NewTicket command, Actor actor) {
        if (!actor.isStaff()) {
            return actor.contactId();
        }
        Requester requester = command.requester();
        if (requester == null) {
            throw ApiProblem.invalidField("requester", "is required");
        }
        if (requester.contactId() != null) {
            return contacts.get(requester.contactId()).id();
        }
        if (requester.email() == null || requester.email().isBlank()) {
            throw ApiProblem.invalidField("requester.email", "is required without requester.contact_id");
        }
        return contacts.requester(requester.name(), requester.email(), requester.phone())
                .id();
    }

    private void checkReferences(Long departmentId, Long categoryId, Instant dueAt) {
        List<FieldProblem> problems = new ArrayList<>();
        if (departmentId != null && !departments.missing(List.of(departmentId)).isEmpty()) {
            problems.add(new FieldProblem("department_id", "names no department of this workspace"));
        }
        if (categoryId != null) {
            try {
                categories.forTicket("category_id", categoryId);
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        if (dueAt != null && dueAt.isBefore(clock.instant())) {
            problems.add(new FieldProblem("due_at", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
    }

    /** No ticket with this id or number that the caller may see. */
    public static final class TicketNotFound extends ApiProblem {
        private TicketNotFound(String detail) {
            super(HttpStatus.NOT_FOUND, "ticket-not-found", detail);
        }

        public static TicketNotFound forId(long id) {
            return new TicketNotFound("No ticket " + id);
        }

        static TicketNotFound forNumber(long number) {
            return new TicketNotFound("No ticket number " + number);
        }
    }

    /** The workspace restricts where a ticket may go from its current status. */
    public static final class TransitionNotAllowed extends ApiProblem {
        private TransitionNotAllowed(String from, String to) {
            super(
                    HttpStatus.CONFLICT,
                    "status-transition-not-allowed",
                    "A ticket in status '" + from + "' cannot move to '" + to + "'",
                    List.of(new FieldProblem("status", "is not allowed after '" + from + "'")));
        }

        static TransitionNotAllowed between(TicketStatus from, TicketStatus to) {
            return new TransitionNotAllowed(from.name(), to.name());
        }
    }

    /** Resolving or closing a ticket waits until its tasks are done or cancelled, unless an agent overrides it. */
    public static final class TicketHasOpenTasks extends ApiProblem {
        private TicketHasOpenTasks(long id, List<String> tasks) {
            super(
                    HttpStatus.CONFLICT,
                    "ticket-has-open-tasks",
                    "Ticket " + id + " has open tasks: " + String.join(", ", tasks),
                    List.of(new FieldProblem(
                            "override_reason",
                            "is required to resolve or close a ticket with open tasks (" + String.join(", ", tasks)
                                    + ")")));
        }

        static TicketHasOpenTasks forTasks(long id, List<String> tasks) {
            return new TicketHasOpenTasks(id, tasks);
        }
    }

    /** A merged ticket is closed for good; work continues on the ticket it was merged into. */
    public static final class TicketMerged extends ApiProblem {
        private TicketMerged(long id) {
            super(HttpStatus.CONFLICT, "ticket-merged", "Ticket " + id + " was merged into another ticket");
        }

        static TicketMerged forId(long id) {
            return new TicketMerged(id);
        }
    }
}
