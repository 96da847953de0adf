package io.safaridesk.domain.inbound;

import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where automatic mail of ours (acknowledgements, notifications) may not go, as RFC 3834 asks: to the address of a
 * mailing list we received mail through, or in answer to a ticket that a list's mail opened; and when an address was
 * acknowledged lately, so that a helpdesk answering every mail with plain mail does not loop with us.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class AutomaticReplies {

    @PersistenceContext
    private EntityManager entityManager;

    /** Remembers a list's address (its List-Post, or the From it rewrote mail to). */
    public void rememberList(String address, String listId) {
        entityManager
                .createNativeQuery("insert into mail_lists (address, list_id) values (:address, :listId)"
                        + " on conflict (address) do update set list_id = excluded.list_id, last_seen_at = now()")
                .setParameter("address", address.strip().toLowerCase(Locale.ROOT))
                .setParameter("listId", listId)
                .executeUpdate();
    }

    /** Whether automatic mail about {@code ticketId} (may be null) may go to {@code recipient}. */
    public boolean allowed(Long ticketId, String recipient) {
        boolean list = !entityManager
                .createNativeQuery("select 1 from mail_lists where address = :address")
                .setParameter("address", recipient.strip().toLowerCase(Locale.ROOT))
                .getResultList()
                .isEmpty();
        if (list || ticketId == null) {
            return !list;
        }
        return entityManager
                .createNativeQuery("select 1 from inbound_mails where ticket_id = :ticket and ticket_message_id is null"
                        + " and not auto_reply")
                .setParameter("ticket", ticketId)
                .getResultList()
                .isEmpty();
    }

    /** When the workspace last queued an acknowledgement of a new ticket to {@code recipient} after {@code since}. */
    public Optional<Instant> acknowledgedSince(String recipient, Instant since) {
        return entityManager
                .createNativeQuery("select max(created_at) from platform.mail_outbox where tenant_slug = :workspace"
                        + " and kind = 'new-ticket' and lower(recipient) = lower(:recipient) and created_at > :since")
                .setParameter("workspace", TenantContext.current().value())
                .setParameter("recipient", recipient.strip())
                .setParameter("since", Timestamp.from(since))
                .getResultList()
                .stream()
                .filter(Objects::nonNull)
                .findFirst()
                .map(at -> at instanceof Instant instant ? instant : ((Timestamp) at).toInstant());
    }

    /** Notes on the log entry of the mail that opened {@code ticketId} that its acknowledgement was not sent, and why. */
    public void recordNotAcknowledged(long ticketId, String reason) {
        entityManager
                .createNativeQuery("update inbound_mails set detail = coalesce(detail || '; ', '') || :reason"
                        + " where ticket_id = :ticket and ticket_message_id is null")
                .setParameter("reason", reason)
                .setParameter("ticket", ticketId)
                .executeUpdate();
    }
}
