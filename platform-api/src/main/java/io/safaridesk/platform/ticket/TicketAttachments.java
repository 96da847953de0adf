package io.safaridesk.platform.ticket;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to tickets, optionally to one message. The bytes go to the workspace's part of the {@link FileStore};
 * the content type is sniffed from them, and HTML, SVG and executables are refused. Staff attach to any message of a
 * ticket they see; a customer attaches only to their own replies on their own tickets, and sees only the attachments
 * of public replies, never those of internal notes or of the ticket itself.
 */
@Component
@Transactional
@EnableConfigurationProperties(AttachmentLimits.class)
public class TicketAttachments {

    private static final int MAX_FILENAME = 200;

    private final Tickets tickets;
    private final TicketAttachmentRepository attachments;
    private final TicketMessageRepository messages;
    private final TicketJournal journal;
    private final FileStore files;
    private final AttachmentLimits limits;
    private final Clock clock;

    TicketAttachments(
            Tickets tickets,
            TicketAttachmentRepository attachments,
            TicketMessageRepository messages,
            TicketJournal journal,
            FileStore files,
            AttachmentLimits limits,
            Clock clock) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.messages = messages;
        this.journal = journal;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    /** An uploaded file as the client sent it in part {@code field}; {@code messageId} ties it to a message. */
    public record Upload(String field, String filename, byte[] content, Long messageId) {}

    /** An attachment and its bytes. */
    public record Content(TicketAttachment attachment, byte[] bytes) {}

    public TicketAttachment add(long ticketId, Upload upload, Actor actor) {
        long max = limits.maxSize().toBytes();
        if (upload.content().length > max) {
            throw AttachmentRefused.tooLarge(upload.field(), upload.content().length, max);
        }
        if (upload.content().length == 0) {
            throw ApiProblem.invalidField(upload.field(), "is empty");
        }
        String filename = filename(upload.filename());
        if (AttachmentType.dangerous(upload.content(), filename)) {
            throw AttachmentRefused.dangerous(upload.field());
        }
        Ticket ticket = tickets.editable(ticketId, null, actor);
        checkMessage(ticket, upload.messageId(), actor);
        TenantSlug tenant = TenantContext.current();
        String key = "tickets/" + ticket.id() + "/" + UUID.randomUUID();
        files.put(tenant, key, upload.content());
        deleteOnRollback(tenant, key);
        Instant now = clock.instant();
        TicketAttachment attachment = attachments.saveAndFlush(new TicketAttachment(
                ticket.id(),
                upload.messageId(),
                filename,
                AttachmentType.sniff(upload.content(), filename),
                upload.content().length,
                key,
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
        byte[] bytes = files.get(TenantContext.current(), attachment.storageKey())
                .orElseThrow(() -> AttachmentNotFound.forId(attachmentId));
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

    private void deleteOnRollback(TenantSlug tenant, String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(tenant, key);
                }
            }
        });
    }

    /** The name to keep: its last path segment, without control characters, at most {@value #MAX_FILENAME} chars. */
    static String filename(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "attachment";
        }
        return name.length() <= MAX_FILENAME ? name : name.substring(name.length() - MAX_FILENAME);
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

    /** A file that is too large, or of a type that could harm whoever opens it. */
    public static final class AttachmentRefused extends ApiProblem {
        private AttachmentRefused(HttpStatus status, String type, String field, String reason) {
            super(status, type, field + " " + reason, List.of(new FieldProblem(field, reason)));
        }

        static AttachmentRefused tooLarge(String field, long size, long max) {
            return new AttachmentRefused(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "attachment-too-large",
                    field,
                    "is " + size + " bytes; at most " + max + " are accepted");
        }

        static AttachmentRefused dangerous(String field) {
            return new AttachmentRefused(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "attachment-type-refused",
                    field,
                    "is HTML, SVG, XML or an executable, which are not accepted");
        }
    }
}
