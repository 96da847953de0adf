package io.safaridesk.domain.export;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rows of an export with one statement in a read-only transaction of the workspace: PostgreSQL hands them
 * out {@code fetchSize} at a time through a server-side cursor, and each row is passed on and forgotten, so the
 * memory an export needs does not grow with its tickets. Visibility and filters are those of the ticket list
 * ({@link TicketSearch#selection}) for the requesting user.
 */
@Component
class TicketExportRows {

    /** The columns of every export, in order; timestamps are ISO-8601 in UTC, tags space-separated. */
    static final List<String> COLUMNS = List.of(
            "number",
            "subject",
            "status",
            "priority",
            "category",
            "department",
            "assignee",
            "requester_name",
            "requester_email",
            "channel",
            "created_at",
            "updated_at",
            "resolved_at",
            "tags");

    private static final String SELECT = "select t.number, t.subject, s.name as status, t.priority, c.name as category,"
            + " d.name as department, a.name as assignee, r.name as requester_name, r.email, t.channel, t.created_at,"
            + " t.updated_at, t.resolved_at, array_to_string(t.tags, ' ') from tickets t"
            + " join ticket_statuses s on s.id = t.status_id join contacts r on r.id = t.requester_id"
            + " left join ticket_categories c on c.id = t.category_id left join departments d on d.id = t.department_id"
            + " left join agents a on a.id = t.assignee_id where ";

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSearch search;
    private final Settings settings;

    TicketExportRows(TicketSearch search, Settings settings) {
        this.search = search;
        this.settings = settings;
    }

    /** Passes every row of the selection, as seen by {@code actor}, to {@code sink}; answers how many there were. */
    @Transactional(readOnly = true)
    public long forEach(ExportSelection selection, Actor actor, int fetchSize, Consumer<List<String>> sink) {
        String prefix = settings.current().ticketNumberPrefix();
        Map<String, Object> parameters = new HashMap<>();
        String where;
        String orderBy;
        if (selection.ticketIds() != null) {
            TicketSearch.Condition visible = search.visibleTo(actor, "t");
            where = "t.id = any(cast(:exportIds as bigint[])) and " + visible.sql();
            parameters.putAll(visible.parameters());
            parameters.put("exportIds", selection.ticketIds().toArray(Long[]::new));
            orderBy = "t.number";
        } else {
            TicketSearch.Selection list = search.selection(selection.query(), actor);
            where = list.where().sql();
            parameters.putAll(list.where().parameters());
            orderBy = list.orderBy();
        }
        Query query = entityManager.createNativeQuery(SELECT + where + " order by " + orderBy);
        parameters.forEach(query::setParameter);
        query.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize);
        query.setHint(HibernateHints.HINT_READ_ONLY, true);
        long[] count = {0};
        try (Stream<?> rows = query.getResultStream()) {
            rows.forEach(row -> {
                sink.accept(cells(prefix, (Object[]) row));
                count[0]++;
            });
        }
        return count[0];
    }

    private static List<String> cells(String prefix, Object[] row) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(prefix + row[0]);
        for (int i = 1; i < row.length; i++) {
            cells.add(text(row[i]));
        }
        return cells;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case OffsetDateTime time -> iso(time.toInstant());
            case Instant instant -> iso(instant);
            case Timestamp timestamp -> iso(timestamp.toInstant());
            default -> value.toString();
        };
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
