package io.safaridesk.domain.inbound;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's log of inbound mail ({@code inbound_mails}): one entry per mail taken in, with the rule that
 * decided where it went, so that an admin sees why a mail threaded where it did.
 */
@Component
@Transactional
public class InboundLog {

    @PersistenceContext
    private EntityManager entityManager;

    private final FileStore files;

    InboundLog(FileStore files) {
        this.files = files;
    }

    /** One mail taken in. {@code mailboxId} null: it came through the platform's catch-all mailbox. */
    public record Entry(
            long id,
            Long mailboxId,
            String messageId,
            String fromAddress,
            String subject,
            InboundRule rule,
            Long ticketId,
            Long ticketMessageId,
            Long relatedTicketId,
            String rawStorageKey,
            String detail,
            Instant receivedAt) {}

    /** What to record; the id and time are the log's. */
    public record NewEntry(
            Long mailboxId,
            String messageId,
            String fromAddress,
            String subject,
            InboundRule rule,
            Long ticketId,
            Long ticketMessageId,
            Long relatedTicketId,
            String rawStorageKey,
            String detail,
            boolean autoReply) {

        /** An entry of a mail that no automatic mail of ours answers (nothing is sent for it anyway). */
        public NewEntry(
                Long mailboxId,
                String messageId,
                String fromAddress,
                String subject,
                InboundRule rule,
                Long ticketId,
                Long ticketMessageId,
                Long relatedTicketId,
                String rawStorageKey,
                String detail) {
            this(
                    mailboxId,
                    messageId,
                    fromAddress,
                    subject,
                    rule,
                    ticketId,
                    ticketMessageId,
                    relatedTicketId,
                    rawStorageKey,
                    detail,
                    false);
        }
    }

    /** Filters of the admins' list; nulls filter nothing. Newest first, before {@code beforeId}. */
    public record Filter(InboundRule rule, Long ticketId, Long mailboxId, String from) {}

    /** Whether the workspace took in a mail with this Message-ID before (duplicates and failures aside). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean seen(String messageId) {
        return !entityManager
                .createNativeQuery("select 1 from inbound_mails where message_id = :id"
                        + " and rule not in ('DUPLICATE', 'FAILED')")
                .setParameter("id", messageId)
                .getResultList()
                .isEmpty();
    }

    /**
     * Records what a mail became, in the caller's transaction; a mail with the same Message-ID recorded meanwhile
     * (read through two mailboxes at once) fails the insert and so rolls the caller's work back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long recordTaken(NewEntry entry) {
        return insert(entry);
    }

    /** Records a mail that was not taken in (a duplicate, a failure), in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAside(NewEntry entry) {
        insert(entry);
    }

    /** How many mails this sender sent since {@code since} (duplicates not counted), for the flood limit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long sentSince(String fromAddress, Instant since) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from inbound_mails where lower(from_address) = lower(:from)"
                                + " and received_at > :since and rule <> 'DUPLICATE'")
                        .setParameter("from", fromAddress)
                        .setParameter("since", Timestamp.from(since))
                        .getSingleResult())
                .longValue();
    }

    /** The original MIME of a logged mail, as it was read from the mailbox; 404 when there is none. */
    @Transactional(readOnly = true)
    public byte[] raw(long id) {
        List<?> keys = entityManager
                .createNativeQuery(
                        "select raw_storage_key from inbound_mails where id = :id and raw_storage_key" + " is not null")
                .setParameter("id", id)
                .getResultList();
        return keys.stream()
                .findFirst()
                .flatMap(key -> files.get(TenantContext.current(), (String) key))
                .orElseThrow(() -> InboundMailNotFound.forId(id));
    }

    @Transactional(readOnly = true)
    public List<Entry> list(Filter filter, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select id, mailbox_id, message_id, from_address, subject, rule,"
                + " ticket_id, ticket_message_id, related_ticket_id, raw_storage_key, detail, received_at"
                + " from inbound_mails where id < :before");
        if (filter.rule() != null) {
            sql.append(" and rule = :rule");
        }
        if (filter.ticketId() != null) {
            sql.append(" and (ticket_id = :ticket or related_ticket_id = :ticket)");
        }
        if (filter.mailboxId() != null) {
            sql.append(" and mailbox_id = :mailbox");
        }
        if (filter.from() != null) {
            sql.append(" and lower(from_address) = lower(:from)");
        }
        Query query = entityManager
                .createNativeQuery(sql.append(" order by id desc limit :limit").toString())
                .setParameter("before", beforeId)
                .setParameter("limit", limit);
        if (filter.rule() != null) {
            query.setParameter("rule", filter.rule().name());
        }
        if (filter.ticketId() != null) {
            query.setParameter("ticket", filter.ticketId());
        }
        if (filter.mailboxId() != null) {
            query.setParameter("mailbox", filter.mailboxId());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        return query.getResultList().stream().map(row -> entry((Object[]) row)).toList();
    }

    private long insert(NewEntry entry) {
        return ((Number) entityManager
                        .createNativeQuery("insert into inbound_mails (mailbox_id, message_id, from_address, subject,"
                                + " rule, ticket_id, ticket_message_id, related_ticket_id, raw_storage_key, detail,"
                                + " auto_reply) values (:mailbox, :messageId, :from, :subject, :rule, :ticket,"
                                + " :message, :related, :raw, :detail, :autoReply) returning id")
                        .setParameter("mailbox", entry.mailboxId())
                        .setParameter("messageId", entry.messageId())
                        .setParameter("from", entry.fromAddress())
                        .setParameter("subject", entry.subject())
                        .setParameter("rule", entry.rule().name())
                        .setParameter("ticket", entry.ticketId())
                        .setParameter("message", entry.ticketMessageId())
                        .setParameter("related", entry.relatedTicketId())
                        .setParameter("raw", entry.rawStorageKey())
                        .setParameter("detail", entry.detail())
                        .setParameter("autoReply", entry.autoReply())
                        .getSingleResult())
                .longValue();
    }

    private static Entry entry(Object[] r) {
        return new Entry(
                ((Number) r[0]).longValue(),
                r[1] == null ? null : ((Number) r[1]).longValue(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                InboundRule.valueOf((String) r[5]),
                r[6] == null ? null : ((Number) r[6]).longValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(),
                r[8] == null ? null : ((Number) r[8]).longValue(),
                (String) r[9],
                (String) r[10],
                r[11] instanceof Instant instant ? instant : ((Timestamp) r[11]).toInstant());
    }

    /** No logged mail with this id (and kept MIME) in the workspace. */
    public static final class InboundMailNotFound extends ApiProblem {
        private InboundMailNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "inbound-mail-not-found", "No inbound mail " + id + " with its original kept");
        }

        static InboundMailNotFound forId(long id) {
            return new InboundMailNotFound(id);
        }
    }
}
