package io.safaridesk.helpdesk.ticket.web;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.StatusCategory;
import io.safaridesk.domain.ticket.TicketAttachment;
import io.safaridesk.domain.ticket.TicketAttachments;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketMessage;
import io.safaridesk.platform.web.Downloads;
import io.safaridesk.platform.web.KeysetPage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The bodies and views of the conversation endpoints (replies, notes, watchers, attachments, the portal). */
final class ConversationViews {

    private ConversationViews() {}

    /** A reply or note; the HTML is sanitised. */
    record MessageRequest(
            @NotBlank @Size(max = TicketRequests.MAX_HTML) String body) {}

    /** The seed's note body. */
    record NoteRequest(
            @NotBlank @Size(max = TicketRequests.MAX_HTML) String note) {}

    /** The seed's watcher body: agent ids to add. */
    record WatchersRequest(@NotNull @Size(min = 1, max = 50) List<@NotNull Long> watchers) {}

    /** A message as staff see it: with its visibility, author and the agents it mentions. */
    record MessageView(
            long id,
            long ticketId,
            MessageVisibility visibility,
            Long authorAgentId,
            Long authorContactId,
            String authorName,
            String bodyHtml,
            String bodyText,
            Channel channel,
            List<Long> mentionedAgentIds,
            Instant createdAt) {

        static MessageView of(TicketConversation.Entry entry) {
            TicketMessage m = entry.message();
            return new MessageView(
                    m.id(),
                    m.ticketId(),
                    m.visibility(),
                    m.authorAgentId(),
                    m.authorContactId(),
                    m.authorName(),
                    m.bodyHtml(),
                    m.bodyText(),
                    m.channel(),
                    entry.mentionedAgentIds(),
                    m.createdAt());
        }

        static KeysetPage<MessageView> page(List<TicketConversation.Entry> entries, int limit) {
            return KeysetPage.of(entries.stream().map(MessageView::of).toList(), limit, MessageView::id);
        }
    }

    /** A reply as the requester sees it: who wrote it (staff or themselves) and what, nothing internal. */
    record PortalMessageView(
            long id, String authorName, boolean fromRequester, String bodyHtml, String bodyText, Instant createdAt) {

        static PortalMessageView of(TicketConversation.Entry entry) {
            TicketMessage m = entry.message();
            return new PortalMessageView(
                    m.id(), m.authorName(), m.authorContactId() != null, m.bodyHtml(), m.bodyText(), m.createdAt());
        }

        static KeysetPage<PortalMessageView> page(List<TicketConversation.Entry> entries, int limit) {
            return KeysetPage.of(entries.stream().map(PortalMessageView::of).toList(), limit, PortalMessageView::id);
        }
    }

    /** An agent watching a ticket. */
    record WatcherView(long id, String name, String email, boolean active) {
        static WatcherView of(Agent agent) {
            return new WatcherView(agent.id(), agent.name(), agent.email(), agent.active());
        }

        static List<WatcherView> of(List<Agent> agents) {
            return agents.stream().map(WatcherView::of).toList();
        }
    }

    /** An attachment; {@code content_url} downloads it. */
    record AttachmentView(
            long id,
            long ticketId,
            Long messageId,
            String filename,
            String contentType,
            long sizeBytes,
            Instant createdAt,
            String contentUrl) {

        static AttachmentView of(TicketAttachment a, String base) {
            return new AttachmentView(
                    a.id(),
                    a.ticketId(),
                    a.messageId(),
                    a.filename(),
                    a.contentType(),
                    a.sizeBytes(),
                    a.createdAt(),
                    base + "/" + a.ticketId() + "/attachments/" + a.id() + "/content");
        }

        static List<AttachmentView> of(List<TicketAttachment> attachments, String base) {
            return attachments.stream().map(a -> of(a, base)).toList();
        }
    }

    /** The multipart part {@code file} as an upload, optionally tied to a message. */
    static TicketAttachments.Upload upload(MultipartFile file, Long messageId) {
        return new TicketAttachments.Upload("file", file.getOriginalFilename(), Downloads.bytes(file), messageId);
    }

    /** A download: the stored type, always as an attachment, never sniffed or rendered by the browser. */
    static ResponseEntity<byte[]> download(TicketAttachments.Content content) {
        return Downloads.attachment(
                content.attachment().contentType(), content.attachment().filename(), content.bytes());
    }

    /** A ticket as its requester sees it in the portal: no assignee, tags, department or internal dates. */
    record PortalTicketView(
            long id,
            String ticketId,
            String subject,
            String descriptionHtml,
            String status,
            StatusCategory statusCategory,
            String priority,
            Instant createdAt,
            Instant updatedAt,
            Instant resolvedAt) {

        static PortalTicketView of(TicketView t) {
            return new PortalTicketView(
                    t.id(),
                    t.ticketId(),
                    t.subject(),
                    t.descriptionHtml(),
                    t.status().name(),
                    t.status().category(),
                    t.priority().name(),
                    t.createdAt(),
                    t.updatedAt(),
                    t.resolvedAt());
        }
    }

    /** A page of the requester's tickets. */
    record PortalTicketPage(List<PortalTicketView> items, String nextCursor) {}

    /** A ticket a customer opens in the portal. */
    record PortalTicketRequest(
            @NotBlank @Size(max = TicketRequests.MAX_SUBJECT)
            String subject,

            @NotBlank @Size(max = TicketRequests.MAX_HTML) String description,
            Long categoryId) {}
}
