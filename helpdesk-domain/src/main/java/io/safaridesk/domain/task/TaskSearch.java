package io.safaridesk.domain.task;

import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists and counts tasks with one SQL statement each: the caller's visibility (the rules of {@link TaskAccess}, with
 * the ticket rules for tasks on tickets), the query's filters, full-text search over the GIN-indexed {@code search}
 * vector, and keyset pagination on the id, newest first.
 */
@Component
@Transactional(readOnly = true)
public class TaskSearch {

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSearch tickets;
    private final Clock clock;

    TaskSearch(TicketSearch tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    public List<Task> list(TaskQuery query, Actor actor) {
        Tasks.staffOnly(actor);
        Sql sql = new Sql(actor, clock.instant());
        visibleTo(actor, sql);
        filter(query, sql);
        if (query.afterId() > 0) {
            sql.where("k.id < :afterId", Map.of("afterId", query.afterId()));
        }
        String text = "select k.* from tasks k where " + String.join(" and ", sql.conditions)
                + " order by k.id desc limit :limit";
        Query statement = entityManager.createNativeQuery(text, Task.class);
        sql.bind(statement, text);
        statement.setParameter("limit", query.limit());
        @SuppressWarnings("unchecked")
        List<Task> tasks = statement.getResultList();
        return tasks;
    }

    /** How many tasks the caller sees in each view, by the view's name in lower case ({@code my_tasks}). */
    public Map<String, Long> counts(Actor actor) {
        Tasks.staffOnly(actor);
        Sql sql = new Sql(actor, clock.instant());
        visibleTo(actor, sql);
        List<String> columns = new ArrayList<>();
        for (TaskQuery.View view : TaskQuery.View.values()) {
            columns.add("count(*) filter (where " + view.condition() + ")");
        }
        String text =
                "select " + String.join(", ", columns) + " from tasks k where " + String.join(" and ", sql.conditions);
        Query statement = entityManager.createNativeQuery(text);
        sql.bind(statement, text);
        Object[] row = (Object[]) statement.getSingleResult();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TaskQuery.View view : TaskQuery.View.values()) {
            counts.put(view.name().toLowerCase(Locale.ROOT), ((Number) row[view.ordinal()]).longValue());
        }
        return counts;
    }

    private void visibleTo(Actor actor, Sql sql) {
        if (actor.isAdmin()) {
            return;
        }
        TicketSearch.Condition ticket = tickets.visibleTo(actor, "t");
        sql.where(
                "(k.department_id = any(cast(:myDepartments as bigint[])) or k.assignee_id = :me"
                        + " or k.creator_agent_id = :me or exists (select 1 from tickets t where t.id = k.ticket_id"
                        + " and " + ticket.sql() + "))",
                Map.of("myDepartments", actor.departments().toArray(Long[]::new)));
        sql.parameters.putAll(ticket.parameters());
    }

    private static void filter(TaskQuery query, Sql sql) {
        sql.where(query.view().condition(), Map.of());
        if (!query.statuses().isEmpty()) {
            sql.where(
                    "k.status = any(cast(:statuses as text[]))",
                    Map.of("statuses", query.statuses().stream().map(Enum::name).toArray(String[]::new)));
        }
        if (!query.priorities().isEmpty()) {
            sql.where(
                    "k.priority = any(cast(:priorities as text[]))",
                    Map.of(
                            "priorities",
                            query.priorities().stream().map(Enum::name).toArray(String[]::new)));
        }
        if (query.unassigned()) {
            sql.where("k.assignee_id is null", Map.of());
        } else if (query.assignee() != null) {
            sql.where("k.assignee_id = :assignee", Map.of("assignee", query.assignee()));
        }
        if (query.department() != null) {
            sql.where("k.department_id = :department", Map.of("department", query.department()));
        }
        if (query.ticket() != null) {
            sql.where("k.ticket_id = :ticket", Map.of("ticket", query.ticket()));
        }
        range("k.created_at", "created", query.createdFrom(), query.createdTo(), sql);
        range("k.due_at", "due", query.dueFrom(), query.dueTo(), sql);
        if (query.text() != null) {
            sql.where("k.search @@ websearch_to_tsquery('english', :text)", Map.of("text", query.text()));
        }
    }

    private static void range(String column, String name, Instant from, Instant to, Sql sql) {
        if (from != null) {
            sql.where(column + " >= :" + name + "From", Map.of(name + "From", from.atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            sql.where(column + " < :" + name + "To", Map.of(name + "To", to.atOffset(ZoneOffset.UTC)));
        }
    }

    /** The conditions and their named parameters, collected in order; {@code :me} and {@code :now} always bound. */
    private static final class Sql {
        final List<String> conditions = new ArrayList<>(List.of("true"));
        final Map<String, Object> parameters = new LinkedHashMap<>();

        Sql(Actor actor, Instant now) {
            parameters.put("me", actor.agentId() == null ? -1L : actor.agentId());
            parameters.put("now", now.atOffset(ZoneOffset.UTC));
        }

        void where(String condition, Map<String, Object> parameters) {
            conditions.add(condition);
            this.parameters.putAll(parameters);
        }

        /** Binds the parameters that {@code text} uses (the view conditions use {@code :me} and {@code :now}). */
        void bind(Query statement, String text) {
            parameters.forEach((name, value) -> {
                if (text.contains(":" + name)) {
                    statement.setParameter(name, value);
                }
            });
        }
    }
}
