package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-takes a workspace's FAILED mail after a fix, for platform operators: each FAILED log entry whose original is kept
 * goes through intake again ({@link MailIntake#take}), which logs what it became as an entry of its own; the FAILED
 * entry is marked re-taken with that outcome in the same transaction, so it is re-taken once however often the
 * command runs, and two operators at once never take one mail twice (the entry is locked, others skip it). A mail
 * that fails again stays FAILED, with the new failure in its detail, for the next fix.
 */
@Component
class FailedMails {

    private static final Logger log = LoggerFactory.getLogger(FailedMails.class);

    @PersistenceContext
    private EntityManager entityManager;

    private final MailIntake intake;
    private final RawMails raws;
    private final TenantSchemas schemas;
    private final TransactionTemplate transaction;

    FailedMails(MailIntake intake, RawMails raws, TenantSchemas schemas, TransactionTemplate transaction) {
        this.intake = intake;
        this.raws = raws;
        this.schemas = schemas;
        this.transaction = transaction;
    }

    /** What a re-take made of a FAILED entry: the rule that decided now, or null with why it failed again. */
    record Retaken(long logId, String messageId, InboundRule rule, Long ticketId, String detail) {}

    private record Failed(long id, Long mailboxId, String messageId, String rawKey) {}

    /** Re-takes every FAILED mail of the workspace not re-taken yet, or only log entry {@code onlyId} if set. */
    List<Retaken> retake(TenantSlug workspace, Long onlyId) {
        if (!schemas.exists(workspace)) {
            throw InboundOperationRefused.noWorkspace(workspace);
        }
        return TenantContext.callAs(workspace, () -> {
            List<Failed> failed = transaction.execute(status -> failed(onlyId));
            if (onlyId != null && failed.isEmpty()) {
                throw InboundOperationRefused.noFailedMail(onlyId);
            }
            List<Retaken> retaken = new ArrayList<>();
            for (Failed mail : failed) {
                retake(workspace, mail).ifPresent(retaken::add);
            }
            return retaken;
        });
    }

    private Optional<Retaken> retake(TenantSlug workspace, Failed failed) {
        try {
            byte[] raw = raws.read(workspace, failed.rawKey())
                    .orElseThrow(() -> new IllegalStateException("the original is no longer in the file store"));
            ParsedMail mail = MimeReader.read(raw);
            return Optional.ofNullable(transaction.execute(status -> {
                if (!lock(failed.id())) {
                    return null; // another operator's run has it
                }
                MailIntake.Outcome outcome = intake.take(mail, failed.mailboxId(), failed.rawKey());
                String detail = outcome.rule() == InboundRule.DUPLICATE
                        ? "re-taken: taken in before"
                        : "re-taken: " + outcome.rule()
                                + (outcome.ticketId() == null ? "" : " on ticket " + outcome.ticketId());
                markRetaken(failed.id(), detail);
                return new Retaken(failed.id(), mail.messageId(), outcome.rule(), outcome.ticketId(), detail);
            }));
        } catch (Exception again) {
            log.warn("Re-taking inbound mail {} ({}) of {} failed", failed.id(), failed.messageId(), workspace, again);
            String detail = "re-take failed: " + again;
            transaction.executeWithoutResult(status -> note(failed.id(), detail));
            return Optional.of(new Retaken(failed.id(), failed.messageId(), null, null, detail));
        }
    }

    private List<Failed> failed(Long onlyId) {
        Query query = entityManager.createNativeQuery("select id, mailbox_id, message_id, raw_storage_key"
                + " from inbound_mails where rule = 'FAILED' and retaken_at is null and raw_storage_key is not null"
                + (onlyId == null ? "" : " and id = :id")
                + " order by id");
        if (onlyId != null) {
            query.setParameter("id", onlyId);
        }
        return query.getResultList().stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new Failed(
                            ((Number) r[0]).longValue(),
                            r[1] == null ? null : ((Number) r[1]).longValue(),
                            (String) r[2],
                            (String) r[3]);
                })
                .toList();
    }

    private boolean lock(long id) {
        return !entityManager
                .createNativeQuery(
                        "select 1 from inbound_mails where id = :id and retaken_at is null" + " for update skip locked")
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }

    private void markRetaken(long id, String detail) {
        entityManager
                .createNativeQuery("update inbound_mails set retaken_at = now(),"
                        + " detail = coalesce(detail || '; ', '') || :detail where id = :id")
                .setParameter("detail", detail)
                .setParameter("id", id)
                .executeUpdate();
    }

    private void note(long id, String detail) {
        entityManager
                .createNativeQuery(
                        "update inbound_mails set detail = coalesce(detail || '; ', '') || :detail" + " where id = :id")
                .setParameter("detail", detail)
                .setParameter("id", id)
                .executeUpdate();
    }
}
