package io.safaridesk.platform.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's audit log ({@code audit_log}): who did what and when, with the answer they got and the address they
 * came from. Append-only (a trigger refuses updates and deletes); only {@link #purgeOlderThan} removes rows, past the
 * retention period. It never holds a request's body, so no password, token or message text can reach it.
 */
@Component
public class AuditLog {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * One recorded action.
     *
     * @param action the operation as declared: method and route, e.g. {@code PUT /api/v1/settings/smtp}
     * @param target the path actually called, naming the resource, e.g. {@code /api/v1/agent/12}
     * @param status the HTTP status the caller got
     */
    public record Entry(
            long id,
            Instant occurredAt,
            String actorUserId,
            String actorName,
            String actorRole,
            String action,
            String target,
            int status,
            String clientAddress) {}

    /** What to record; the id and time are the log's. */
    public record NewEntry(
            String actorUserId,
            String actorName,
            String actorRole,
            String action,
            String target,
            int status,
            String clientAddress) {}

    /** Filters of the admins' list; nulls filter nothing. {@code action} matches a part of the action, any case. */
    public record Filter(String actorUserId, String action, Instant from, Instant to) {}

    /** Records one action in a transaction of its own: the record stays whether the action's work committed or not. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(NewEntry entry) {
        entityManager
                .createNativeQuery("insert into audit_log (actor_user_id, actor_name, actor_role, action, target,"
                        + " status, client_address) values (:actor, :name, :role, :action, :target, :status,"
                        + " :address)")
                .setParameter("actor", entry.actorUserId())
                .setParameter("name", entry.actorName())
                .setParameter("role", entry.actorRole())
                .setParameter("action", entry.action())
                .setParameter("target", entry.target())
                .setParameter("status", entry.status())
                .setParameter("address", entry.clientAddress())
                .executeUpdate();
    }

    /** Newest first, before {@code beforeId}. */
    @Transactional(readOnly = true)
    public List<Entry> list(Filter filter, long beforeId, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor_user_id, actor_name, actor_role, action,"
                + " target, status, client_address from audit_log where id < :before");
        parameters.put("before", beforeId);
        if (filter.actorUserId() != null) {
            sql.append(" and actor_user_id = :actor");
            parameters.put("actor", filter.actorUserId());
        }
        if (filter.action() != null) {
            sql.append(" and action ilike '%' || :action || '%'");
            parameters.put("action", filter.action());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            parameters.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
            parameters.put("to", Timestamp.from(filter.to()));
        }
        Query query = entityManager.createNativeQuery(
                sql.append(" order by id desc limit :limit").toString());
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        return query.getResultList().stream().map(row -> entry((Object[]) row)).toList();
    }

    /** Removes the entries recorded before {@code cutoff}; the only way rows leave the log. */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        entityManager
                .createNativeQuery("select set_config('safaridesk.audit_purge', 'on', true)")
                .getSingleResult();
        return entityManager
                .createNativeQuery("delete from audit_log where occurred_at < :cutoff")
                .setParameter("cutoff", Timestamp.from(cutoff))
                .executeUpdate();
    }

    private static Entry entry(Object[] r) {
        return new Entry(
                ((Number) r[0]).longValue(),
                r[1] instanceof Instant instant ? instant : ((Timestamp) r[1]).toInstant(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                ((Number) r[7]).intValue(),
                (String) r[8]);
    }
}
