package io.safaridesk.domain.ticket;

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
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists tickets with one SQL statement: the caller's visibility, the query's filters (each on an index), full-text
 * search over the GIN-indexed {@code search} vector, and keyset pagination on (sort value, id).
 */
@Component
@Transactional(readOnly = true)
public class TicketSearch {

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketAccess access;
    private final Clock clock;

    TicketSearch(TicketAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** One page of tickets and the cursor of the next (null on the last page). */
    public record Page(List<Ticket> tickets, String nextCursor) {}

    public Page list(TicketQuery query, Actor actor) {
        Sql sql = matching(query, actor);
        String direction = query.sort().ascending() ? "asc" : "desc";
        if (query.after() != null) {
            sql.where(
                    "(" + query.sort().expression() + ", t.id) " + (query.sort().ascending() ? ">" : "<")
                            + " (:afterValue, :afterId)",
                    Map.of(
                            "afterValue",
                            query.after().sqlValue(),
                            "afterId",
                            query.after().id()));
        }
        Query statement = entityManager.createNativeQuery(
                "select t.* from tickets t where " + String.join(" and ", sql.conditions) + " order by "
                        + query.sort().expression() + " " + direction + ", t.id " + direction + " limit :limit",
                Ticket.class);
        sql.parameters.forEach(statement::setParameter);
        statement.setParameter("limit", query.limit());
        @SuppressWarnings("unchecked")
        List<Ticket> tickets = statement.getResultList();
        String next = tickets.size() == query.limit()
                ? TicketSort.Position.after(query.sort(), tickets.getLast()).encode()
                : null;
        return new Page(tickets, next);
    }

    /** How many tickets the list {@code query} describes for {@code actor} holds, ignoring its page. */
    public long count(TicketQuery query, Actor actor) {
        Sql sql = matching(query, actor);
        Query statement = entityManager.createNativeQuery(
                "select count(*) from tickets t where " + String.join(" and ", sql.conditions), Long.class);
        sql.parameters.forEach(statement::setParameter);
        return (Long) statement.getSingleResult();
    }

    /**
     * Every ticket of the list {@code query} describes for {@code actor}, ignoring its page (cursor and limit): the
     * condition on the ticket row aliased {@code t} (visibility and filters, exactly as {@link #list}) and the order
     * clause, for statements that read the whole list (exports).
     */
    public Selection selection(TicketQuery query, Actor actor) {
        Sql sql = matching(query, actor);
        String direction = query.sort().ascending() ? "asc" : "desc";
        return new Selection(
                new Condition(String.join(" and ", sql.conditions), sql.parameters),
                query.sort().expression() + " " + direction + ", t.id " + direction);
    }

    /** The rows a list selects: {@code where} their condition, in {@code orderBy} order. */
    public record Selection(Condition where, String orderBy) {}

    private Sql matching(TicketQuery query, Actor actor) {
        Sql sql = new Sql();
        visibleTo(actor, sql);
        filter(query, sql);
        return sql;
    }

    private void visibleTo(Actor actor, Sql sql) {
        Condition visible = visibleTo(actor, "t");
        sql.where(visible.sql(), visible.parameters());
    }

    /** A SQL condition with its named parameters. */
    public record Condition(String sql, Map<String, Object> parameters) {}

    /**
     * The condition under which {@code actor} sees the ticket row aliased {@code alias} (the rules of
     * {@link TicketAccess}), for lists of what hangs off tickets; its parameters are prefixed {@code tv}.
     */
    public Condition visibleTo(Actor actor, String alias) {
        return switch (actor.role()) {
            case ADMIN -> new Condition("true", Map.of());
            case CUSTOMER ->
                new Condition(
                        alias + ".requester_id = :tvMe and " + alias + ".trashed_at is null",
                        Map.of("tvMe", actor.contactId()));
            case AGENT ->
                access.seesAllTickets()
                        ? new Condition("true", Map.of())
                        : new Condition(
                                "(" + alias + ".department_id is null or " + alias
                                        + ".department_id = any(cast(:tvDepartments as bigint[])) or " + alias
                                        + ".assignee_id = :tvMe or exists (select 1 from ticket_watchers w"
                                        + " where w.ticket_id = " + alias + ".id and w.agent_id = :tvMe))",
                                Map.of(
                                        "tvDepartments",
                                        actor.departments().toArray(Long[]::new),
                                        "tvMe",
                                        actor.agentId()));
        };
    }

    /**
     * The tickets {@code actor} sees as a relation to select from, named {@code alias}, with the condition that remains
     * on its rows. For an agent who sees only some tickets the relation is a {@code union all} of disjoint branches,
     * each served by an index: their departments' tickets, the triage queue (no department), the tickets assigned to
     * them elsewhere and those they watch elsewhere. These are the rows {@link #visibleTo} selects, but without its
     * {@code or}, which PostgreSQL can only test row by row over the whole table. Its parameters are prefixed
     * {@code tv}.
     */
    public Relation visibleRows(Actor actor, String alias) {
        if (actor.role() != Actor.Role.AGENT || access.seesAllTickets()) {
            return new Relation("tickets " + alias, visibleTo(actor, alias));
        }
        String elsewhere = "department_id <> all(cast(:tvDepartments as bigint[]))";
        return new Relation(
                "(select * from tickets where department_id = any(cast(:tvDepartments as bigint[]))"
                        + " union all select * from tickets where department_id is null"
                        + " union all select * from tickets where assignee_id = :tvMe and " + elsewhere
                        + " union all select * from tickets where id in (select w.ticket_id from ticket_watchers w"
                        + " where w.agent_id = :tvMe) and " + elsewhere + " and assignee_id is distinct from :tvMe) "
                        + alias,
                new Condition(
                        "true",
                        Map.of("tvDepartments", actor.departments().toArray(Long[]::new), "tvMe", actor.agentId())));
    }

    /** Whether {@code actor} sees every ticket of the workspace (but the trash, for customers none). */
    public boolean seesEveryTicket(Actor actor) {
        return actor.isAdmin() || (actor.role() == Actor.Role.AGENT && access.seesAllTickets());
    }

    /** A relation of tickets to select from, and the condition on its rows. */
    public record Relation(String from, Condition where) {}

    private void filter(TicketQuery query, Sql sql) {
        switch (query.view()) {
            case LIVE -> sql.where("t.trashed_at is null and not t.archived", Map.of());
            case ARCHIVED -> sql.where("t.trashed_at is null and t.archived", Map.of());
            case TRASH -> sql.where("t.trashed_at is not null", Map.of());
            case ALL -> sql.where("true", Map.of());
            case MERGED -> sql.where("t.trashed_at is null and t.merged_into_id is not null", Map.of());
        }
        marks(query.marks(), sql);
        if (query.statuses().size() == 1) {
            // one status as a plain equality: the planner estimates it from the column's statistics, also in a
            // generic plan, and walks tickets_live_status_created in list order
            sql.where(
                    "t.status_id = :status",
                    Map.of("status", query.statuses().iterator().next()));
        } else if (!query.statuses().isEmpty()) {
            sql.where(
                    "t.status_id = any(cast(:statuses as bigint[]))",
                    Map.of("statuses", query.statuses().toArray(Long[]::new)));
        }
        if (!query.statusCategories().isEmpty()) {
            sql.where(
                    "t.status_id in (select s.id from ticket_statuses s where s.category = any(cast(:categories as"
                            + " text[])))",
                    Map.of("categories", query.categoryNames().toArray(String[]::new)));
        }
        if (!query.priorities().isEmpty()) {
            sql.where(
                    "t.priority = any(cast(:priorities as text[]))",
                    Map.of(
                            "priorities",
                            query.priorities().stream().map(Enum::name).toArray(String[]::new)));
        }
        if (query.unassigned()) {
            sql.where("t.assignee_id is null", Map.of());
        } else if (query.assignee() != null) {
            sql.where("t.assignee_id = :assignee", Map.of("assignee", query.assignee()));
        }
        if (query.department() != null) {
            sql.where("t.department_id = :department", Map.of("department", query.department()));
        }
        if (query.category() != null) {
            sql.where(
                    "t.category_id in (with recursive sub(id) as (select cast(:category as bigint) union all select"
                            + " c.id from ticket_categories c join sub on c.parent_id = sub.id) select id from sub)",
                    Map.of("category", query.category()));
        }
        if (query.channel() != null) {
            sql.where("t.channel = :channel", Map.of("channel", query.channel().name()));
        }
        if (query.requester() != null) {
            sql.where("t.requester_id = :requester", Map.of("requester", query.requester()));
        }
        if (query.tag() != null) {
            sql.where("t.tags @> array[cast(:tag as text)]", Map.of("tag", query.tag()));
        }
        range("t.created_at", "created", query.created(), sql);
        range("t.updated_at", "updated", query.updated(), sql);
        range("t.due_at", "due", query.due(), sql);
        if (query.text() != null) {
            sql.where("t.search @@ websearch_to_tsquery('english', :text)", Map.of("text", query.text()));
        }
    }

    /**
     * The seed's views beyond shelves; the unsolved test on the row lets the partial index tickets_unsolved_due serve.
     * The breached and reopened marks are columns kept by triggers (tenant V31), the same the counts' rollup is keyed by.
     */
    private void marks(TicketQuery.Marks marks, Sql sql) {
        if (marks.overdue()) {
            sql.where(
                    "t.due_at < :overdueAt and t.resolved_at is null and t.closed_at is null",
                    Map.of("overdueAt", utc(clock.instant())));
        }
        if (marks.requestedBy() != null) {
            sql.where("t.created_by = :requestedBy", Map.of("requestedBy", marks.requestedBy()));
        }
        if (marks.slaBreached()) {
            sql.where("t.sla_breached", Map.of());
        }
        if (marks.reopened()) {
            sql.where("t.reopened", Map.of());
        }
    }

    private static void range(String column, String name, TicketQuery.Range range, Sql sql) {
        if (range.from() != null) {
            sql.where(column + " >= :" + name + "From", Map.of(name + "From", utc(range.from())));
        }
        if (range.to() != null) {
            sql.where(column + " < :" + name + "To", Map.of(name + "To", utc(range.to())));
        }
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The conditions and their named parameters, collected in order. */
    private static final class Sql {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> parameters = new LinkedHashMap<>();

        void where(String condition, Map<String, Object> parameters) {
            conditions.add(condition);
            this.parameters.putAll(parameters);
        }
    }
}
