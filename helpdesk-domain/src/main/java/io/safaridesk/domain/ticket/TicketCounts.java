package io.safaridesk.domain.ticket;

import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sizes of the ticket list shelves a caller sees, read from the {@code ticket_counts} rollup (kept by triggers, so
 * exact at every commit) instead of counting tickets: the same shelves and the same visibility as {@link TicketSearch}.
 * An agent who sees only some departments also sees the tickets they watch elsewhere; those few are counted from the
 * tickets themselves.
 */
@Component
@Transactional(readOnly = true)
public class TicketCounts {

    /** The shelves counted here, each as a condition on the rollup row {@code c} and its status {@code s}. */
    private static final Map<String, String> SHELVES;

    private static final List<String> ORDER;

    /** The shelves of marks, answered after my_overdue and requested_by_me as the seed orders its views. */
    private static final List<String> MARKED = List.of("sla_breached", "reopened");

    static {
        String live = "not c.archived and not c.trashed";
        String unsolved = " and s.category in ('OPEN', 'PENDING')";
        String solved = " and s.category in ('RESOLVED', 'CLOSED')";
        Map<String, String> shelves = new LinkedHashMap<>();
        shelves.put("all_tickets", live);
        shelves.put("all_unassigned", live + " and c.assignee_id = 0");
        shelves.put("all_unresolved", live + unsolved);
        shelves.put("all_resolved", live + solved);
        shelves.put("my_unresolved", live + unsolved + " and c.assignee_id = :me");
        shelves.put("my_resolved", live + solved + " and c.assignee_id = :me");
        shelves.put("archived", "c.archived and not c.trashed");
        shelves.put("trash", "c.trashed");
        shelves.put("merged", "c.merged and not c.trashed");
        shelves.put("sla_breached", live + unsolved + " and c.sla_breached");
        shelves.put("reopened", live + " and c.reopened");
        SHELVES = Map.copyOf(shelves);
        ORDER = List.copyOf(shelves.keySet());
    }

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketAccess access;
    private final TicketSearch search;

    TicketCounts(TicketAccess access, TicketSearch search) {
        this.access = access;
        this.search = search;
    }

    /**
     * The count of every view a staff {@code actor} can use: the shelves (all_tickets, all_unassigned, all_unresolved,
     * all_resolved, my_unresolved, my_resolved, archived, trash, merged, sla_breached, reopened) from the rollup, then
     * my_overdue (it depends on the time) and requested_by_me counted by the very statements that list them, each
     * served by an index on the caller's own tickets.
     */
    public Map<String, Long> views(Actor actor) {
        Map<String, Long> shelves = shelves(actor);
        Map<String, Long> counts = new LinkedHashMap<>();
        ORDER.stream().filter(shelf -> !MARKED.contains(shelf)).forEach(shelf -> counts.put(shelf, shelves.get(shelf)));
        Set<StatusCategory> unsolved = Set.of(StatusCategory.OPEN, StatusCategory.PENDING);
        counts.put(
                "my_overdue",
                search.count(live(unsolved, actor.agentId(), new TicketQuery.Marks(true, null, false, false)), actor));
        counts.put(
                "requested_by_me",
                search.count(live(Set.of(), null, new TicketQuery.Marks(false, actor.userId(), false, false)), actor));
        MARKED.forEach(shelf -> counts.put(shelf, shelves.get(shelf)));
        return counts;
    }

    private static TicketQuery live(Set<StatusCategory> categories, Long assignee, TicketQuery.Marks marks) {
        return new TicketQuery(
                null,
                categories,
                null,
                assignee,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                TicketQuery.View.LIVE,
                null,
                null,
                null,
                1,
                marks);
    }

    /** The count of each shelf (all_tickets, all_unassigned, ..., merged, sla_breached, reopened) for a staff actor. */
    Map<String, Long> shelves(Actor actor) {
        if (!actor.isStaff()) {
            throw new IllegalArgumentException("Shelf counts are for staff");
        }
        boolean all = actor.isAdmin() || access.seesAllTickets();
        String columns = "select status_id, department_id, assignee_id, archived, trashed, merged, sla_breached,"
                + " reopened, tickets from ticket_counts";
        String rows = all
                ? columns
                : columns + " where department_id = 0"
                        + " or department_id = any(cast(:departments as bigint[])) or assignee_id = :me"
                        + " union all select t.status_id, t.department_id, coalesce(t.assignee_id, 0), t.archived,"
                        + " t.trashed_at is not null, t.merged_into_id is not null, t.sla_breached, t.reopened, 1"
                        + " from tickets t"
                        + " join ticket_watchers w on w.ticket_id = t.id and w.agent_id = :me"
                        + " where t.department_id <> all(cast(:departments as bigint[]))"
                        + " and t.assignee_id is distinct from :me";
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < ORDER.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("coalesce(sum(c.tickets) filter (where ")
                    .append(SHELVES.get(ORDER.get(i)))
                    .append("), 0)");
        }
        sql.append(" from (").append(rows).append(") c join ticket_statuses s on s.id = c.status_id");
        Query query = entityManager.createNativeQuery(sql.toString());
        query.setParameter("me", actor.agentId());
        if (!all) {
            query.setParameter("departments", actor.departments().toArray(Long[]::new));
        }
        Object[] values = (Object[]) query.getSingleResult();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < ORDER.size(); i++) {
            counts.put(ORDER.get(i), ((Number) values[i]).longValue());
        }
        return counts;
    }
}
