package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.helpdesk.security.Caller.CUSTOMER;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.TicketAttachments;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.AttachmentView;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.MessageRequest;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.PortalMessageView;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.PortalTicketPage;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.PortalTicketRequest;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.PortalTicketView;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer portal (realm role customer): a customer opens tickets, lists and reads their own, and replies. Other
 * customers' tickets do not exist for them (404), and internal notes and their attachments never show here.
 */
@Callers(CUSTOMER)
@Tag(name = "Customer portal")
@RestController
@Validated
class PortalTicketController {

    static final String BASE = "/api/v1/portal/tickets";

    private final Tickets tickets;
    private final TicketSearch search;
    private final TicketStatuses statuses;
    private final TicketViews views;
    private final TicketConversation conversation;
    private final TicketAttachments attachments;

    PortalTicketController(
            Tickets tickets,
            TicketSearch search,
            TicketStatuses statuses,
            TicketViews views,
            TicketConversation conversation,
            TicketAttachments attachments) {
        this.tickets = tickets;
        this.search = search;
        this.statuses = statuses;
        this.views = views;
        this.conversation = conversation;
        this.attachments = attachments;
    }

    @Operation(summary = "The caller's own tickets, newest first by default (same filters and cursor as staff lists)")
    @GetMapping({BASE, "/api/v1/ticket/customer/list"})
    PortalTicketPage list(TicketListParameters parameters, Actor actor) {
        TicketController.TicketPage page = views.page(() -> search.list(parameters.toQuery(actor, statuses), actor));
        return new PortalTicketPage(
                page.items().stream().map(PortalTicketView::of).toList(), page.nextCursor());
    }

    @Operation(summary = "Opens a ticket for the caller")
    @PostMapping(BASE)
    ResponseEntity<PortalTicketView> create(@Valid @RequestBody PortalTicketRequest request, Actor actor) {
        PortalTicketView created = PortalTicketView.of(views.after(() -> tickets.create(
                new Tickets.NewTicket(
                        request.subject(),
                        request.description(),
                        Channel.PORTAL,
                        null,
                        null,
                        null,
                        request.categoryId(),
                        null,
                        null,
                        null),
                actor)));
        return ResponseEntity.created(URI.create(BASE + "/" + created.id())).body(created);
    }

    @GetMapping(BASE + "/{id}")
    PortalTicketView get(@PathVariable long id, Actor actor) {
        return PortalTicketView.of(views.after(() -> tickets.get(id, actor)));
    }

    @Operation(summary = "The public replies on the caller's ticket, oldest first")
    @GetMapping(BASE + "/{id}/messages")
    KeysetPage<PortalMessageView> messages(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        return PortalMessageView.page(conversation.messages(id, actor, Cursor.decodeId(cursor), limit), limit);
    }

    @Operation(
            summary = "Replies on the caller's ticket; a PENDING or RESOLVED ticket opens again, a CLOSED one takes no"
                    + " reply (409)")
    @PostMapping(BASE + "/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    PortalMessageView reply(@PathVariable long id, @Valid @RequestBody MessageRequest request, Actor actor) {
        return PortalMessageView.of(
                conversation.reply(id, new TicketConversation.Draft("body", request.body(), Channel.PORTAL), actor));
    }

    @Operation(summary = "Attaches a file (part 'file') to one of the caller's replies (message_id, required)")
    @PostMapping(value = BASE + "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "message_id", required = false) Long messageId,
            Actor actor) {
        return AttachmentView.of(attachments.add(id, ConversationViews.upload(file, messageId), actor), BASE);
    }

    @Operation(summary = "The attachments of the public replies on the caller's ticket")
    @GetMapping(BASE + "/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable long id, Actor actor) {
        return AttachmentView.of(attachments.list(id, actor), BASE);
    }

    @GetMapping(BASE + "/{id}/attachments/{attachmentId}/content")
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
        return ConversationViews.download(attachments.content(id, attachmentId, actor));
    }
}
