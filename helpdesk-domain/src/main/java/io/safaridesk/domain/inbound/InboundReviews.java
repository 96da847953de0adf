package io.safaridesk.domain.inbound;

import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.notification.NotificationKind;
import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's review queue of inbound mail ({@code inbound_reviews}): mail that a rule held back although a person
 * may disagree with it (a stranger on a closed ticket, a flood, a suspected auto-reply).
 * Admins list it, read the original, release a mail as a new ticket or as a reply on a ticket they choose (with its
 * files, as intake would have attached them), or delete it; the worker holds mail here, tells the admins, and deletes
 * what waited longer than the retention period. A platform operator's release of unroutable mail takes the same path.
 */
@Component
@Transactional
public class InboundReviews {

    @PersistenceContext
    private EntityManager entityManager;

    private final FileStore files;
    private final Tickets tickets;
    private final TicketConversation conversation;
    private final Contacts contacts;
    private final MailThreads threads;
    private final Notifications notifications;
    private final MailFiles mailFiles;

    InboundReviews(
            FileStore files,
            Tickets tickets,
            TicketConversation conversation,
            Contacts contacts,
            MailThreads threads,
            Notifications notifications,
            MailFiles mailFiles) {
        this.mailFiles = mailFiles;
        this.files = files;
        this.tickets = tickets;
        this.conversation = conversation;
        this.contacts = contacts;
        this.threads = threads;
        this.notifications = notifications;
    }

    /**
     * A mail to hold, with what it would become: its body as a new ticket and as a reply (quotes cut), and its files.
     *
     * @param ticketId the ticket it answered, if it answered one
     */
    public record Held(
            Long inboundMailId,
            String messageId,
            String fromAddress,
            String fromName,
            String subject,
            ReviewReason reason,
            String detail,
            Long ticketId,
            String newTicketHtml,
            String replyHtml,
            String rawStorageKey,
            List<MailFiles.File> files) {

        public Held {
            files = List.copyOf(files);
        }
    }

    /** A held mail as admins see it. */
    public record Review(
            long id,
            String messageId,
            String fromAddress,
            String fromName,
            String subject,
            ReviewReason reason,
            String explanation,
            String detail,
            Long ticketId,
            Instant receivedAt) {}

    /** What a release made: the ticket and, for a reply, the message. */
    public record Released(long ticketId, Long messageId) {}

    /** Holds a mail, in the caller's transaction, and tells every active admin how many mails wait. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long hold(Held held) {
        long id = insert(held);
        long waiting = waiting();
        for (Object admin : entityManager
                .createNativeQuery("select keycloak_user_id from agents where role = 'admin' and active")
                .getResultList()) {
            notifications.raise(new Notifications.NewNotification(
                    (String) admin,
                    NotificationKind.MAIL_HELD_FOR_REVIEW,
                    held.ticketId(),
                    waiting + (waiting == 1 ? " mail waits" : " mails wait") + " for review",
                    held.reason().explanation() + ": " + held.fromAddress() + ", \"" + held.subject() + "\""));
        }
        return id;
    }

    /**
     * Releases a mail that a person decided about outside the queue (a platform operator routing the catch-all's
     * unroutable mail) through the queue's own release path, in the caller's transaction, without telling the admins
     * of a wait that never happened: as a new ticket, or as the sender's reply on {@code ticketId} when not null.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Released releaseNow(Held held, Long ticketId, Actor releasedBy) {
        long id = insert(held);
        return ticketId == null ? releaseAsNewTicket(id, releasedBy) : releaseAsReply(id, ticketId, releasedBy);
    }

    private long insert(Held held) {
        long id = ((Number) entityManager
                        .createNativeQuery("insert into inbound_reviews (inbound_mail_id, message_id, from_address,"
                                + " from_name, subject, reason, detail, ticket_id, new_ticket_html, reply_html,"
                                + " raw_storage_key) values (:mail, :messageId, :from, :name, :subject, :reason,"
                                + " :detail, :ticket, :newHtml, :replyHtml, :raw) returning id")
                        .setParameter("mail", held.inboundMailId())
                        .setParameter("messageId", held.messageId())
                        .setParameter("from", held.fromAddress())
                        .setParameter("name", held.fromName())
                        .setParameter("subject", held.subject())
                        .setParameter("reason", held.reason().name())
                        .setParameter("detail", held.detail())
                        .setParameter("ticket", held.ticketId())
                        .setParameter("newHtml", held.newTicketHtml())
                        .setParameter("replyHtml", held.replyHtml())
                        .setParameter("raw", held.rawStorageKey())
                        .getSingleResult())
                .longValue();
        for (MailFiles.File file : held.files()) {
            entityManager
                    .createNativeQuery("insert into inbound_review_attachments (review_id, filename, content)"
                            + " values (:review, :filename, :content)")
                    .setParameter("review", id)
                    .setParameter("filename", file.filename())
                    .setParameter("content", file.content())
                    .executeUpdate();
        }
        return id;
    }

    /** How many mails wait for review. */
    @Transactional(readOnly = true)
    public long waiting() {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from inbound_reviews")
                        .getSingleResult())
                .longValue();
    }

    /** Newest first, before {@code beforeId} ({@link Long#MAX_VALUE} for the first page). */
    @Transactional(readOnly = true)
    public List<Review> list(long beforeId, int limit) {
        return entityManager
                .createNativeQuery("select id, message_id, from_address, from_name, subject, reason, detail,"
                        + " ticket_id, received_at from inbound_reviews where id < :before order by id desc"
                        + " limit :limit")
                .setParameter("before", beforeId)
                .setParameter("limit", limit)
                .getResultList()
                .stream()
                .map(row -> review((Object[]) row))
                .toList();
    }

    /** The original MIME of a held mail. */
    @Transactional(readOnly = true)
    public byte[] raw(long id) {
        String key = (String) stored(id, false)[2];
        return (key == null ? java.util.Optional.<byte[]>empty() : files.get(TenantContext.current(), key))
                .orElseThrow(() -> ReviewNotFound.forId(id));
    }

    /** Releases a held mail as a new ticket of its sender; answers the ticket. */
    public Released releaseAsNewTicket(long id, Actor admin) {
        Object[] held = stored(id);
        Contact requester = contacts.requester((String) held[4], (String) held[3], null);
        Actor sender = Actor.webForm((String) held[4], requester.id());
        Ticket ticket = tickets.create(
                new Tickets.NewTicket(
                        (String) held[5],
                        (String) held[0],
                        Channel.EMAIL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                sender);
        return released(id, held, ticket.id(), null, sender, "released as a new ticket by " + admin.name());
    }

    /** Releases a held mail as its sender's public reply on {@code ticketId}; answers the message. */
    public Released releaseAsReply(long id, long ticketId, Actor admin) {
        Object[] held = stored(id);
        MailThreads.ThreadTicket ticket =
                threads.ticket(ticketId).orElseThrow(() -> ApiProblem.invalidField("ticket_id", "is no ticket here"));
        Contact contact = contacts.requester((String) held[4], (String) held[3], null);
        threads.addParticipants(ticket.id(), List.of(new MailThreads.Participant((String) held[3], contact.id())));
        Actor sender = Actor.customer(null, (String) held[4], contact.id());
        TicketConversation.Entry entry = conversation.fromEmail(
                ticket.id(),
                MessageVisibility.PUBLIC,
                new TicketConversation.Draft("body", (String) held[1], Channel.EMAIL),
                sender);
        return released(
                id,
                held,
                ticket.id(),
                entry.message().id(),
                sender,
                "released as a reply on ticket " + ticket.id() + " by " + admin.name());
    }

    /** Deletes a held mail (its original stays in the inbound log). */
    public void delete(long id) {
        stored(id);
        entityManager
                .createNativeQuery("delete from inbound_reviews where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Deletes what was held before {@code cutoff}; answers how many. */
    public int purgeBefore(Instant cutoff) {
        return entityManager
                .createNativeQuery("delete from inbound_reviews where received_at < :cutoff")
                .setParameter("cutoff", Timestamp.from(cutoff))
                .executeUpdate();
    }

    /** Puts the held mail's files where intake would have put them, records the release and empties its place. */
    private Released released(long id, Object[] held, long ticketId, Long messageId, Actor sender, String what) {
        threads.addInbound(ticketId, (String) held[6]);
        String refused = mailFiles.attach(ticketId, messageId, heldFiles(id), sender);
        String detail = refused == null ? what : what + "; " + refused;
        entityManager
                .createNativeQuery("update inbound_mails set ticket_id = :ticket, ticket_message_id = :message,"
                        + " detail = coalesce(detail || '; ', '') || :what where id = :mail")
                .setParameter("ticket", ticketId)
                .setParameter("message", messageId)
                .setParameter("what", detail)
                .setParameter("mail", held[7])
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from inbound_reviews where id = :id")
                .setParameter("id", id)
                .executeUpdate();
        return new Released(ticketId, messageId);
    }

    private List<MailFiles.File> heldFiles(long id) {
        return entityManager
                .createNativeQuery("select filename, content from inbound_review_attachments where review_id = :id"
                        + " order by id")
                .setParameter("id", id)
                .getResultList()
                .stream()
                .map(row -> new MailFiles.File((String) ((Object[]) row)[0], (byte[]) ((Object[]) row)[1]))
                .toList();
    }

    /** new_ticket_html, reply_html, raw_storage_key, from_address, from_name, subject, message_id, inbound_mail_id. */
    private Object[] stored(long id) {
        return stored(id, true);
    }

    private Object[] stored(long id, boolean lock) {
        List<?> rows = entityManager
                .createNativeQuery("select new_ticket_html, reply_html, raw_storage_key, from_address, from_name,"
                        + " subject, message_id, inbound_mail_id from inbound_reviews where id = :id"
                        + (lock ? " for update" : ""))
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ReviewNotFound.forId(id);
        }
        return (Object[]) rows.getFirst();
    }

    private static Review review(Object[] r) {
        ReviewReason reason = ReviewReason.valueOf((String) r[5]);
        return new Review(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                reason,
                reason.explanation(),
                (String) r[6],
                r[7] == null ? null : ((Number) r[7]).longValue(),
                r[8] instanceof Instant instant ? instant : ((Timestamp) r[8]).toInstant());
    }

    /** No held mail with this id in the workspace. */
    public static final class ReviewNotFound extends ApiProblem {
        private ReviewNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "inbound-review-not-found", "No mail " + id + " waits for review");
        }

        static ReviewNotFound forId(long id) {
            return new ReviewNotFound(id);
        }
    }
}
