package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.InboundReviews;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform catch-all's mail that named no workspace ({@code platform.inbound_unroutable}), for platform operators:
 * listed newest first, read whole, deleted, or released into a workspace they name, as a new ticket or as the sender's
 * reply on a ticket of that workspace, through the review queue's own release path ({@link MailIntake#takeReleased}).
 * A release and the removal from this list are one transaction, so a mail is released once.
 */
@Component
class UnroutableMails {

    /** Who a release names in the workspace's inbound log ("released as a new ticket by ..."). */
    static final Actor OPERATOR = new Actor(null, "a platform operator", Actor.Role.ADMIN, null, Set.of(), null);

    private static final String COLUMNS = "id, message_id, from_address, recipients, subject, reason, received_at";

    @PersistenceContext
    private EntityManager entityManager;

    private final MailIntake intake;
    private final RawMails raws;
    private final TenantDirectory directory;
    private final TenantSchemas schemas;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    UnroutableMails(
            MailIntake intake,
            RawMails raws,
            TenantDirectory directory,
            TenantSchemas schemas,
            TransactionTemplate transaction,
            DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.intake = intake;
        this.raws = raws;
        this.directory = directory;
        this.schemas = schemas;
        this.transaction = transaction;
    }

    /** An unroutable mail as the operator sees it. */
    record Unroutable(
            long id,
            String messageId,
            String fromAddress,
            String recipients,
            String subject,
            String reason,
            Instant receivedAt) {}

    /** What a release made in the workspace. */
    record Released(long id, TenantSlug workspace, long ticketId, Long messageId) {}

    /** Newest first, before {@code beforeId} ({@link Long#MAX_VALUE} for the first page). */
    List<Unroutable> list(long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from platform.inbound_unroutable where id < ? order by id desc limit ?")
                .params(beforeId, limit)
                .query(UnroutableMails::unroutable)
                .list();
    }

    Unroutable find(long id) {
        return jdbc.sql("select " + COLUMNS + " from platform.inbound_unroutable where id = ?")
                .param(id)
                .query(UnroutableMails::unroutable)
                .optional()
                .orElseThrow(() -> InboundOperationRefused.noUnroutableMail(id));
    }

    /** The mail as it was read. */
    byte[] original(long id) {
        return jdbc.sql("select raw_mime from platform.inbound_unroutable where id = ?")
                .param(id)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> InboundOperationRefused.noUnroutableMail(id));
    }

    /** Releases the mail into {@code workspace}: a new ticket, or the sender's reply on {@code ticketId} if set. */
    Released release(long id, TenantSlug workspace, Long ticketId) {
        if (directory.findActive(workspace).isEmpty() || !schemas.exists(workspace)) {
            throw InboundOperationRefused.noWorkspace(workspace);
        }
        Unroutable kept = find(id);
        byte[] raw = original(id);
        ParsedMail mail;
        try {
            mail = MimeReader.read(raw);
        } catch (Exception unreadable) {
            throw new IllegalStateException("Mail " + id + " cannot be read: " + unreadable.getMessage(), unreadable);
        }
        return TenantContext.callAs(
                workspace,
                () -> transaction.execute(status -> {
                    if (remove(id) == 0) {
                        throw InboundOperationRefused.noUnroutableMail(id);
                    }
                    InboundReviews.Released released =
                            intake.takeReleased(mail, raws.keep(workspace, raw), kept.reason(), ticketId, OPERATOR);
                    return new Released(id, workspace, released.ticketId(), released.messageId());
                }));
    }

    void delete(long id) {
        if (jdbc.sql("delete from platform.inbound_unroutable where id = ?")
                        .param(id)
                        .update()
                == 0) {
            throw InboundOperationRefused.noUnroutableMail(id);
        }
    }

    /** Deletes the mail that arrived before {@code cutoff}; answers how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("delete from platform.inbound_unroutable where received_at < ?")
                .param(java.sql.Timestamp.from(cutoff))
                .update();
    }

    /** In the release's transaction of the workspace, so that the mail leaves this list only if it was released. */
    private int remove(long id) {
        return entityManager
                .createNativeQuery("delete from platform.inbound_unroutable where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    private static Unroutable unroutable(ResultSet rs, int row) throws SQLException {
        return new Unroutable(
                rs.getLong("id"),
                rs.getString("message_id"),
                rs.getString("from_address"),
                rs.getString("recipients"),
                rs.getString("subject"),
                rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant());
    }
}
