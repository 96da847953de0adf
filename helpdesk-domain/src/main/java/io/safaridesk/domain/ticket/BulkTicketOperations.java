package io.safaridesk.domain.ticket;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One action on up to {@value #MAX_TICKETS} tickets in one transaction, with a result per ticket. By default the
 * request is all or nothing: if any ticket fails, nothing applies and a 422 problem names each failed ticket
 * ({@code ticket_ids[3]}) and why; with {@code atomic} false what can be applied is, and the others are reported.
 * Tickets are loaded in one query and written in one flush; every change is recorded and published per ticket, as a
 * single change would be. Failures are found by checking before changing, never by exceptions through the ticket
 * facade, so one bad ticket cannot spoil the transaction of the others.
 */
@Component
@Transactional
public class BulkTicketOperations {

    public static final int MAX_TICKETS = 1000;

    private final Tickets tickets;
    private final TicketRepository repository;
    private final MergeRepository sql;
    private final TicketAccess access;
    private final TicketStatuses statuses;
    private final TicketJournal journal;
    private final Agents agents;
    private final OpenTaskGuard openTasks;
    private final Clock clock;

    BulkTicketOperations(
            Tickets tickets,
            TicketRepository repository,
            MergeRepository sql,
            TicketAccess access,
            TicketStatuses statuses,
            TicketJournal journal,
            Agents agents,
            OpenTaskGuard openTasks,
            Clock clock) {
        this.tickets = tickets;
        this.repository = repository;
        this.sql = sql;
        this.access = access;
        this.statuses = statuses;
        this.journal = journal;
        this.agents = agents;
        this.openTasks = openTasks;
        this.clock = clock;
    }

    /** What a bulk request may do; {@link #DELETE} deletes for good (admins, tickets in the trash only). */
    public enum Action {
        ARCHIVE,
        UNARCHIVE,
        TRASH,
        RESTORE,
        DELETE,
        ASSIGN,
        SET_STATUS,
        SET_PRIORITY;

        /** The action named {@code value} (any case), or a 422 problem naming {@code field}. */
        public static Action of(String field, String value) {
            return EnumValues.parse(Action.class, field, value);
        }
    }

    /**
     * A bulk request; {@code agentId}, {@code status} and {@code priority} are the arguments of their actions;
     * {@code overrideReason} lets {@code set_status} resolve or close tickets that still have open tasks.
     */
    public record Request(
            Action action,
            List<Long> ticketIds,
            Long agentId,
            String status,
            Priority priority,
            boolean atomic,
            String overrideReason) {

        boolean overridden() {
            return overrideReason != null && !overrideReason.isBlank();
        }
    }

    /** How one ticket fared: {@code ok}, {@code not_found} or {@code error} with a problem type and detail. */
    public record Outcome(long ticketId, String result, String type, String detail) {
        static Outcome ok(long id) {
            return new Outcome(id, "ok", null, null);
        }

        static Outcome notFound(long id) {
            return new Outcome(id, "not_found", "ticket-not-found", "No ticket " + id);
        }

        static Outcome error(long id, String type, String detail) {
            return new Outcome(id, "error", type, detail);
        }

        public boolean succeeded() {
            return result.equals("ok");
        }
    }

    /** What a bulk request did: how many tickets changed (or would have, unchanged ones count) and each outcome. */
    public record Result(Action action, int succeeded, int failed, List<Outcome> results) {}

    public Result apply(Request request, Actor actor) {
        List<Long> ids = checked(request, actor);
        TicketStatus next = request.action() == Action.SET_STATUS ? statuses.named("status", request.status()) : null;
        Agent agent = request.action() == Action.ASSIGN ? assignee(request.agentId()) : null;
        Map<Long, Ticket> found = repository.findAllById(ids).stream()
                .filter(ticket -> access.canSee(actor, ticket))
                .collect(Collectors.toMap(Ticket::id, Function.identity()));
        Map<Long, TicketStatus> statusById =
                statuses.list().stream().collect(Collectors.toMap(TicketStatus::id, Function.identity()));
        Map<Long, List<String>> open =
                next != null && (next.category() == StatusCategory.RESOLVED || next.category() == StatusCategory.CLOSED)
                        ? openTasks.openTasks(found.keySet())
                        : Map.of();
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>();
        List<Long> deletions = new ArrayList<>();
        boolean failing = false;
        for (long id : ids) {
            Ticket ticket = found.get(id);
            Outcome outcome = ticket == null
                    ? Outcome.notFound(id)
                    : refusal(request.action(), ticket, statusById, next, agent)
                            .or(() -> openTasksRefusal(request, ticket, statusById, next, open))
                            .orElse(Outcome.ok(id));
            outcomes.add(outcome);
            failing |= !outcome.succeeded();
            // all or nothing: once one ticket fails, the others are only checked
            if (outcome.succeeded() && !(request.atomic() && failing)) {
                if (request.action() == Action.DELETE) {
                    deletions.add(id);
                } else {
                    TicketStatus current = statusById.get(ticket.statusId());
                    if (request.action() == Action.SET_STATUS
                            && open.containsKey(id)
                            && Tickets.closes(current, next)) {
                        tickets.openTasksOverridden(ticket, open.get(id), request.overrideReason(), actor, now);
                    }
                    change(request, ticket, current, next, actor, now);
                }
            }
        }
        if (!(request.atomic() && failing)) {
            delete(deletions, found, outcomes, actor, now);
        }
        int failed = (int) outcomes.stream().filter(o -> !o.succeeded()).count();
        if (request.atomic() && failed > 0) {
            throw BulkOperationRefused.of(request.ticketIds(), outcomes);
        }
        repository.flush();
        return new Result(request.action(), outcomes.size() - failed, failed, outcomes);
    }

    private List<Long> checked(Request request, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.action() == null) {
            problems.add(new FieldProblem("action", "is required"));
        }
        List<Long> ids = request.ticketIds() == null ? List.of() : request.ticketIds();
        if (ids.isEmpty() || ids.size() > MAX_TICKETS) {
            problems.add(new FieldProblem("ticket_ids", "must name 1 to " + MAX_TICKETS + " tickets"));
        }
        for (int i = 0; i < ids.size() && i < MAX_TICKETS; i++) {
            if (ids.get(i) == null) {
                problems.add(new FieldProblem("ticket_ids[" + i + "]", "is required"));
            }
        }
        if (request.action() == Action.ASSIGN && request.agentId() == null) {
            problems.add(new FieldProblem("agent_id", "is required to assign"));
        }
        if (request.action() == Action.SET_STATUS
                && (request.status() == null || request.status().isBlank())) {
            problems.add(new FieldProblem("status", "is required to set the status"));
        }
        if (request.action() == Action.SET_PRIORITY && request.priority() == null) {
            problems.add(new FieldProblem("priority", "is required to set the priority"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        if (request.action() == Action.DELETE && !actor.isAdmin()) {
            throw AdminsOnly.permanentDelete();
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private Agent assignee(long agentId) {
        Agent agent = agents.find(agentId)
                .orElseThrow(() -> ApiProblem.invalidField("agent_id", "names no agent of this workspace"));
        if (!agent.active()) {
            throw ApiProblem.invalidField("agent_id", "names an inactive agent");
        }
        return agent;
    }

    /** Why the action cannot apply to this (visible) ticket, if it cannot. */
    private static Optional<Outcome> refusal(
            Action action, Ticket ticket, Map<Long, TicketStatus> statusById, TicketStatus next, Agent agent) {
        long id = ticket.id();
        if (action == Action.DELETE) {
            return ticket.trashed()
                    ? Optional.empty()
                    : Optional.of(Outcome.error(id, "ticket-not-in-trash", "Only tickets in the trash can be deleted"));
        }
        if (ticket.mergedIntoId() != null) {
            return Optional.of(Outcome.error(id, "ticket-merged", "Ticket " + id + " was merged into another ticket"));
        }
        if (action == Action.SET_STATUS) {
            TicketStatus current = statusById.get(ticket.statusId());
            if (current.id() != next.id().longValue() && !current.allowsMoveTo(next)) {
                return Optional.of(Outcome.error(
                        id,
                        "status-transition-not-allowed",
                        "A ticket in status '" + current.name() + "' cannot move to '" + next.name() + "'"));
            }
        }
        if (action == Action.ASSIGN) {
            try {
                Tickets.checkAssignable(ticket, agent);
            } catch (ApiProblem e) {
                return Optional.of(Outcome.error(id, e.type(), e.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** A ticket with open tasks is not resolved or closed without an override reason. */
    private static Optional<Outcome> openTasksRefusal(
            Request request,
            Ticket ticket,
            Map<Long, TicketStatus> statusById,
            TicketStatus next,
            Map<Long, List<String>> open) {
        if (request.action() != Action.SET_STATUS
                || request.overridden()
                || !open.containsKey(ticket.id())
                || !Tickets.closes(statusById.get(ticket.statusId()), next)) {
            return Optional.empty();
        }
        return Optional.of(Outcome.error(
                ticket.id(),
                "ticket-has-open-tasks",
                "Ticket " + ticket.id() + " has open tasks: " + String.join(", ", open.get(ticket.id()))));
    }

    private void change(
            Request request, Ticket ticket, TicketStatus current, TicketStatus next, Actor actor, Instant now) {
        switch (request.action()) {
            case ARCHIVE -> tickets.updated(ticket, actor, ticket.archive(true, now), now);
            case UNARCHIVE -> tickets.updated(ticket, actor, ticket.archive(false, now), now);
            case TRASH -> tickets.updated(ticket, actor, ticket.trash(now), now);
            case RESTORE -> tickets.updated(ticket, actor, ticket.restore(now), now);
            case SET_PRIORITY -> tickets.updated(ticket, actor, ticket.prioritise(request.priority(), now), now);
            case SET_STATUS -> tickets.statusChanged(ticket, current, next, actor, now);
            case ASSIGN -> tickets.assignTo(ticket, request.agentId(), actor, now);
            case DELETE -> throw new IllegalStateException("Deletions are made in one statement");
        }
    }

    /** Deletes for good in one statement, except tickets that others outside the request were merged into. */
    private void delete(List<Long> ids, Map<Long, Ticket> found, List<Outcome> outcomes, Actor actor, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> kept = new HashSet<>(sql.mergeTargetsOfOthers(ids));
        List<Long> deleted = ids.stream().filter(id -> !kept.contains(id)).toList();
        outcomes.replaceAll(o -> kept.contains(o.ticketId())
                ? Outcome.error(
                        o.ticketId(),
                        "ticket-has-merged-tickets",
                        "Other tickets were merged into ticket " + o.ticketId() + "; delete them too")
                : o);
        if (deleted.isEmpty()) {
            return;
        }
        repository.flush();
        deleted.forEach(id ->
                journal.publish(new TicketEvent.TicketDeleted(id, found.get(id).number(), actor.userId(), now)));
        sql.deleteAll(deleted);
    }

    /** All or nothing: one ticket or more could not take the action, so none did. */
    public static final class BulkOperationRefused extends ApiProblem {
        private BulkOperationRefused(List<FieldProblem> failures) {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "bulk-operation-refused",
                    failures.size() + " of the tickets cannot take the action, so none did",
                    failures);
        }

        /** The failures, each named by its first place in the request's {@code ids}. */
        static BulkOperationRefused of(List<Long> ids, List<Outcome> outcomes) {
            List<FieldProblem> failures = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (!o.succeeded()) {
                    failures.add(new FieldProblem(
                            "ticket_ids[" + ids.indexOf(o.ticketId()) + "]",
                            o.result() + ": " + o.type() + ": " + o.detail()));
                }
            }
            return new BulkOperationRefused(failures);
        }
    }

    /** Only admins delete tickets for good. */
    public static final class AdminsOnly extends ApiProblem {
        private AdminsOnly() {
            super(HttpStatus.FORBIDDEN, "admins-only", "Only admins delete tickets for good");
        }

        static AdminsOnly permanentDelete() {
            return new AdminsOnly();
        }
    }
}
