package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.TicketAttachments;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketWatchers;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.AttachmentView;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.MessageRequest;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.MessageView;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.WatcherView;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The conversation on a ticket as staff work it: replies, internal notes, watchers and attachments. */
@Tag(name = "Ticket conversation")
@RestController
@RequestMapping("/api/v1/tickets/{id}")
@Validated
class TicketConversationController {

    static final String BASE = "/api/v1/tickets";

    private final TicketConversation conversation;
    private final TicketWatchers watchers;
    private final TicketAttachments attachments;

    TicketConversationController(
            TicketConversation conversation, TicketWatchers watchers, TicketAttachments attachments) {
        this.conversation = conversation;
        this.watchers = watchers;
        this.attachments = attachments;
    }

    @Operation(summary = "The conversation, oldest first: public replies and internal notes (limit at most 100)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/messages")
    KeysetPage<MessageView> messages(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        return MessageView.page(conversation.messages(id, actor, Cursor.decodeId(cursor), limit), limit);
    }

    @Operation(
            summary = "A public reply the requester sees (HTML, sanitised); an agent's first one sets"
                    + " first_response_at; @agent@email mentions an agent")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping("/replies")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView reply(@PathVariable long id, @Valid @RequestBody MessageRequest request, Actor actor) {
        return MessageView.of(
                conversation.reply(id, new TicketConversation.Draft("body", request.body(), Channel.API), actor));
    }

    @Operation(summary = "An internal note, never shown to the requester; @agent@email mentions an agent")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView note(@PathVariable long id, @Valid @RequestBody MessageRequest request, Actor actor) {
        return MessageView.of(
                conversation.note(id, new TicketConversation.Draft("body", request.body(), Channel.API), actor));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/watchers")
    List<WatcherView> watchers(@PathVariable long id, Actor actor) {
        return WatcherView.of(watchers.list(id, actor));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/watchers/{agentId}")
    WatcherView watcher(@PathVariable long id, @PathVariable long agentId, Actor actor) {
        return WatcherView.of(watchers.get(id, agentId, actor));
    }

    @Operation(summary = "Makes an active agent of the workspace a watcher; answers all watchers")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/watchers/{agentId}")
    List<WatcherView> watch(@PathVariable long id, @PathVariable long agentId, Actor actor) {
        return WatcherView.of(watchers.add(id, "agent_id", List.of(agentId), actor));
    }

    @Operation(
            summary =
                    "Removes a watcher; answers the remaining watchers (422 when agent_id names no agent of the workspace)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @DeleteMapping("/watchers/{agentId}")
    List<WatcherView> unwatch(@PathVariable long id, @PathVariable long agentId, Actor actor) {
        return WatcherView.of(watchers.remove(id, "agent_id", agentId, actor));
    }

    @Operation(
            summary = "Attaches a file (part 'file', at most 10 MB by default), optionally to a message (message_id);"
                    + " the type is sniffed from the bytes; HTML, SVG, XML and executables are refused")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "message_id", required = false) Long messageId,
            Actor actor) {
        return AttachmentView.of(attachments.add(id, ConversationViews.upload(file, messageId), actor), BASE);
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/attachments")
    List<AttachmentView> attachments(@PathVariable long id, Actor actor) {
        return AttachmentView.of(attachments.list(id, actor), BASE);
    }

    @Operation(summary = "Downloads an attachment with its stored type, as an attachment")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/attachments/{attachmentId}/content")
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
        return ConversationViews.download(attachments.content(id, attachmentId, actor));
    }
}
