package io.safaridesk.domain.report;

import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tickets a report counts, as the relation {@link #from()} named {@code t} and a SQL condition on its rows
 * {@link #tickets()}: those the caller sees (the ticket lists' rules), neither trashed nor merged into another, matching
 * the filter; plus the period's bounds as
 * {@code :from} and {@code :to}, its bucket unit as {@code :unit} and its zone as {@code :zone}.
 */
final class ReportScope {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private final String relation;

    ReportScope(ReportFilter filter, Actor actor, TicketSearch search) {
        TicketSearch.Relation rows = search.visibleRows(actor, "t");
        TicketSearch.Condition visible = rows.where();
        relation = rows.from();
        conditions.add("t.trashed_at is null and t.merged_into_id is null");
        conditions.add(visible.sql());
        parameters.putAll(visible.parameters());
        if (filter.department() != null) {
            where("t.department_id = :department", "department", filter.department());
        }
        if (filter.agent() != null) {
            where("t.assignee_id = :agent", "agent", filter.agent());
        }
        if (filter.channel() != null) {
            where("t.channel = :channel", "channel", filter.channel().name());
        }
        if (filter.priority() != null) {
            where("t.priority = :priority", "priority", filter.priority().name());
        }
        if (filter.tag() != null) {
            where("t.tags @> array[cast(:tag as text)]", "tag", filter.tag());
        }
        ReportPeriod period = filter.period();
        parameters.put("from", utc(period.start()));
        parameters.put("to", utc(period.end()));
        parameters.put("unit", period.interval().sqlUnit());
        parameters.put("zone", period.zone().getId());
    }

    private void where(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }

    /**
     * The tickets the caller sees, as the relation {@code t} to select from or join (for an agent who sees some
     * departments a union of indexed branches, see {@link TicketSearch#visibleRows}); {@link #tickets()} is the rest.
     */
    String from() {
        return relation;
    }

    /** The condition, to follow a {@code where} or an {@code and}. */
    String tickets() {
        return "(" + String.join(" and ", conditions) + ")";
    }

    /** The local bucket (a date) an instant column falls in. */
    static String bucket(String column) {
        return "cast(date_trunc(:unit, " + column + " at time zone :zone) as date)";
    }

    /** {@code column} lies in the period. */
    static String within(String column) {
        return column + " >= :from and " + column + " < :to";
    }

    /** The rows of {@code sql}, with the scope's parameters that it names bound. */
    List<Object[]> rows(EntityManager entityManager, String sql) {
        return rows(entityManager, sql, Map.of());
    }

    /** The rows of {@code sql}, with {@code more} parameters and the scope's that it names bound. */
    List<Object[]> rows(EntityManager entityManager, String sql, Map<String, Object> more) {
        Query query = entityManager.createNativeQuery(sql);
        more.forEach(query::setParameter);
        parameters.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
