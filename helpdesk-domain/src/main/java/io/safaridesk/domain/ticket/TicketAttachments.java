package io.safaridesk.domain.ticket;

import io.safaridesk.domain.attachment.Uploads;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to tickets, optionally to one message. The bytes are checked and kept by {@link Uploads} (the
 * content type sniffed from them; HTML, SVG and executables refused). Staff attach to any message of a
 * ticket they see; a customer attaches only to their own replies on their own tickets, and sees only the attachments
 * of public replies, never those of internal notes or of the ticket itself.
 */
@Component
@Transactional
public class TicketAttachments {

    private final Tickets tickets;
    private final TicketAttachmentRepository attachments;
    private final TicketMessageRepository messages;
    private final TicketJournal journal;
    private final Uploads uploads;
    private final Clock clock;

    TicketAttachments(
            Tickets tickets,
            TicketAttachmentRepository attachments,
            TicketMessageRepository messages,
            TicketJournal journal,
            Uploads uploads,
            Clock clock) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.messages = messages;
        this.journal = journal;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** An uploaded file as the client sent it in part {@code field}; {@code messageId} ties it to a message. */
    public record Upload(String field, String filename, byte[] content, Long messageId) {}

    /** An attachment and its bytes. */
    public record Content(TicketAttachment attachment, byte[] bytes) {}

    public TicketAttachment add(long ticketId, Upload upload, Actor actor) {
        Uploads.Upload file = new Uploads.Upload(upload.field(), upload.filename(), upload.content());
        uploads.check(file);
        Ticket ticket = tickets.editable(ticketId, null, actor);
        checkMessage(ticket, upload.messageId(), actor);
        return store(ticket, upload.messageId(), file, actor);
    }

    private TicketAttachment store(Ticket ticket, Long messageId, Uploads.Upload file, Actor actor) {
        Uploads.Stored stored = uploads.store(file, "tickets/" + ticket.id());
        String filename = stored.filename();
        Instant now = clock.instant();
        TicketAttachment attachment = attachments.saveAndFlush(new TicketAttachment(
                ticket.id(),
                messageId,
                filename,
                stored.contentType(),
                stored.sizeBytes(),
                stored.storageKey(),
                actor.userId(),
                now));
        ticket.touch(now);
        journal.record(ticket, actor, "attached", List.of(Ticket.Change.of("attachment", null, filename)), now);
        journal.publish(new TicketEvent.TicketUpdated(
                ticket.id(),
                ticket.number(),
                List.of(Ticket.Change.of("attachment", null, filename)),
                actor.userId(),
                now));
        tickets.saved(ticket);
        return attachment;
    }

    /**
     * A file that came with a mail the inbound pipeline took in as message {@code messageId} of the ticket: the same
     * type and size rules as an upload (a refused file throws), no access check; a null {@code messageId} attaches
     * it to the ticket itself (a mail that opened the ticket) (see
     * {@link TicketConversation#fromEmail}).
     */
    public TicketAttachment addFromEmail(long ticketId, Long messageId, String filename, byte[] content, Actor author) {
        Uploads.Upload file = new Uploads.Upload("attachment", filename, content);
        uploads.check(file);
        Ticket ticket = tickets.editableByParticipant(ticketId);
        if (messageId != null) {
            messages.findByIdAndTicketId(messageId, ticket.id())
                    .orElseThrow(() -> ApiProblem.invalidField("message_id", "names no message of this ticket"));
        }
        return store(ticket, messageId, file, author);
    }

    /** The ticket's attachments the actor may see, oldest first. */
    @Transactional(readOnly = true)
    public List<TicketAttachment> list(long ticketId, Actor actor) {
        Ticket ticket = tickets.get(ticketId, actor);
        return actor.isStaff()
                ? attachments.findByTicketIdOrderByIdAsc(ticket.id())
                : attachments.findPublicByTicketId(ticket.id());
    }

    @Transactional(readOnly = true)
    public Content content(long ticketId, long attachmentId, Actor actor) {
        Ticket ticket = tickets.get(ticketId, actor);
        TicketAttachment attachment = attachments
                .findByIdAndTicketId(attachmentId, ticket.id())
                .filter(a -> actor.isStaff() || ofPublicMessage(a))
                .orElseThrow(() -> AttachmentNotFound.forId(attachmentId));
        byte[] bytes = uploads.read(attachment.storageKey()).orElseThrow(() -> AttachmentNotFound.forId(attachmentId));
        return new Content(attachment, bytes);
    }

    private boolean ofPublicMessage(TicketAttachment attachment) {
        return attachment.messageId() != null
                && messages.findById(attachment.messageId())
                        .map(TicketMessage::isPublic)
                        .orElse(false);
    }

    private void checkMessage(Ticket ticket, Long messageId, Actor actor) {
        if (messageId == null) {
            if (!actor.isStaff()) {
                throw ApiProblem.invalidField("message_id", "is required: attach files to one of your replies");
            }
            return;
        }
        messages.findByIdAndTicketId(messageId, ticket.id())
                .filter(m ->
                        actor.isStaff() || m.isPublic() && actor.contactId().equals(m.authorContactId()))
                .orElseThrow(() -> ApiProblem.invalidField("message_id", "names no message of this ticket you wrote"));
    }

    /** No attachment with this id on the ticket that the caller may see. */
    public static final class AttachmentNotFound extends ApiProblem {
        private AttachmentNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "attachment-not-found", "No attachment " + id);
        }

        static AttachmentNotFound forId(long id) {
            return new AttachmentNotFound(id);
        }
    }
}
