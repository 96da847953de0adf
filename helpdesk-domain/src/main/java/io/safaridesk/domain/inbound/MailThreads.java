package io.safaridesk.domain.inbound;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail side of the workspace's tickets, in the caller's transaction: which ticket a Message-ID or a number
 * belongs to, who is on a ticket's thread besides its requester, and links between tickets made from mail. Every
 * lookup reads the workspace in context only, so mail to one workspace never finds another's ticket.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class MailThreads {

    @PersistenceContext
    private EntityManager entityManager;

    /** A ticket as threading needs it: merged tickets lead to the ticket they were merged into. */
    public record ThreadTicket(long id, long number, long requesterId, String requesterEmail, boolean closed) {}

    /** How two tickets made from mail relate. */
    public enum LinkKind {
        NON_PARTICIPANT_REPLY,
        FOLLOW_UP
    }

    /** The ticket whose thread holds one of these Message-IDs, the first found in their order. */
    public Optional<Long> ticketOfMessageId(List<String> messageIds) {
        for (String id : messageIds) {
            List<?> rows = entityManager
                    .createNativeQuery("select ticket_id from ticket_email_messages where message_id = :id")
                    .setParameter("id", id)
                    .getResultList();
            if (!rows.isEmpty()) {
                return Optional.of(((Number) rows.getFirst()).longValue());
            }
        }
        return Optional.empty();
    }

    /** The ticket with this number. */
    public Optional<Long> ticketOfNumber(long number) {
        return entityManager
                .createNativeQuery("select id from tickets where number = :number")
                .setParameter("number", number)
                .getResultList()
                .stream()
                .findFirst()
                .map(id -> ((Number) id).longValue());
    }

    /** Whether a ticket with this id exists here. */
    public boolean exists(long ticketId) {
        return !entityManager
                .createNativeQuery("select 1 from tickets where id = :id")
                .setParameter("id", ticketId)
                .getResultList()
                .isEmpty();
    }

    /** The ticket, after following its merges (a merged ticket's mail goes to the ticket it was merged into). */
    public Optional<ThreadTicket> ticket(long ticketId) {
        long id = ticketId;
        for (int hops = 0; hops < 20; hops++) {
            List<?> rows = entityManager
                    .createNativeQuery("select t.id, t.number, t.requester_id, c.email, s.category = 'CLOSED',"
                            + " t.merged_into_id from tickets t join contacts c on c.id = t.requester_id"
                            + " join ticket_statuses s on s.id = t.status_id where t.id = :id")
                    .setParameter("id", id)
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = (Object[]) rows.getFirst();
            if (r[5] == null) {
                return Optional.of(new ThreadTicket(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        (Boolean) r[4]));
            }
            id = ((Number) r[5]).longValue();
        }
        return Optional.empty();
    }

    /** The participant with this address on the ticket (CC'd on its mail), and their contact. */
    public Optional<Long> participantContact(long ticketId, String email) {
        List<?> rows = entityManager
                .createNativeQuery("select contact_id from ticket_participants where ticket_id = :ticket"
                        + " and email = :email and contact_id is not null")
                .setParameter("ticket", ticketId)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .getResultList();
        return rows.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Puts these people on the ticket's thread (each once). */
    public void addParticipants(long ticketId, Collection<Participant> participants) {
        for (Participant participant : participants) {
            entityManager
                    .createNativeQuery("insert into ticket_participants (ticket_id, email, contact_id)"
                            + " values (:ticket, :email, :contact) on conflict do nothing")
                    .setParameter("ticket", ticketId)
                    .setParameter("email", participant.email().toLowerCase(Locale.ROOT))
                    .setParameter("contact", participant.contactId())
                    .executeUpdate();
        }
    }

    /** A person on a ticket's thread. */
    public record Participant(String email, Long contactId) {}

    /** Adds an inbound mail's Message-ID to the ticket's thread, so replies to it thread, and outbound mail cites it. */
    public void addInbound(long ticketId, String messageId) {
        entityManager
                .createNativeQuery("insert into ticket_email_messages (ticket_id, message_id, direction)"
                        + " values (:ticket, :id, 'INBOUND') on conflict (message_id) do nothing")
                .setParameter("ticket", ticketId)
                .setParameter("id", messageId)
                .executeUpdate();
    }

    /** Links a ticket made from mail to the ticket the mail answered. */
    public void link(long ticketId, long linkedTicketId, LinkKind kind) {
        entityManager
                .createNativeQuery("insert into ticket_links (ticket_id, linked_ticket_id, kind)"
                        + " values (:ticket, :linked, :kind) on conflict do nothing")
                .setParameter("ticket", ticketId)
                .setParameter("linked", linkedTicketId)
                .setParameter("kind", kind.name())
                .executeUpdate();
    }
}
