package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketWatchers;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.MessageView;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.NoteRequest;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.WatcherView;
import io.safaridesk.helpdesk.ticket.web.ConversationViews.WatchersRequest;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The seed's conversation endpoints (notes and watchers), mapped onto the REST resources. */
@Tag(name = "Tickets (seed paths)")
@RestController
@RequestMapping("/api/v1/ticket")
class SeedConversationController {

    private final TicketConversation conversation;
    private final TicketWatchers watchers;

    SeedConversationController(TicketConversation conversation, TicketWatchers watchers) {
        this.conversation = conversation;
        this.watchers = watchers;
    }

    @Operation(summary = "As POST /api/v1/tickets/{id}/notes, with the note's HTML as 'note'")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping("/{pk}/add-note")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView addNote(@PathVariable long pk, @Valid @RequestBody NoteRequest request, Actor actor) {
        return MessageView.of(
                conversation.note(pk, new TicketConversation.Draft("note", request.note(), Channel.WEB), actor));
    }

    @Operation(summary = "Adds the agents in 'watchers' as watchers of the ticket; answers all watchers")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/watchers/add/{id}")
    List<WatcherView> addWatchers(@PathVariable long id, @Valid @RequestBody WatchersRequest request, Actor actor) {
        return WatcherView.of(watchers.add(id, "watchers", request.watchers(), actor));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/watchers/{id}")
    List<WatcherView> watchers(@PathVariable long id, Actor actor) {
        return WatcherView.of(watchers.list(id, actor));
    }
}
