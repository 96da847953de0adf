package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.history.HistoryEntryView;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.AssigneeRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.CreateTicketRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.StatusRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.UpdateTicketRequest;
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
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tickets")
@RestController
@RequestMapping("/api/v1/tickets")
@Validated
class TicketController {

    private final Tickets tickets;
    private final TicketSearch search;
    private final TicketStatuses statuses;
    private final TicketViews views;

    TicketController(Tickets tickets, TicketSearch search, TicketStatuses statuses, TicketViews views) {
        this.tickets = tickets;
        this.search = search;
        this.statuses = statuses;
        this.views = views;
    }

    /** A page of tickets and the cursor that continues it. */
    record TicketPage(List<TicketView> items, String nextCursor) {}

    @Operation(
            summary = "Tickets the caller may see, filtered, searched (q: full text over subject and description)"
                    + " and sorted; pass next_cursor back as cursor for the next page (limit at most 100)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping
    TicketPage list(TicketListParameters parameters, Actor actor) {
        return views.page(() -> search.list(parameters.toQuery(actor, statuses), actor));
    }

    @Operation(summary = "Opens a ticket for a requester (an existing contact, or a name and email)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping
    ResponseEntity<TicketView> create(@Valid @RequestBody CreateTicketRequest request, Actor actor) {
        TicketView created = views.after(() -> tickets.create(request.toCommand(Channel.API), actor));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.id()))
                .body(created);
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/{id}")
    TicketView get(@PathVariable long id, Actor actor) {
        return views.after(() -> tickets.get(id, actor));
    }

    @Operation(summary = "Changes the fields sent (null clears department_id, category_id, due_at); version guards")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PatchMapping("/{id}")
    TicketView update(@PathVariable long id, @Valid @RequestBody UpdateTicketRequest request, Actor actor) {
        return views.after(() -> tickets.update(id, request.toChanges(), actor));
    }

    @Operation(
            summary = "Moves the ticket to a status (by id or name), if the current status allows it; resolving or"
                    + " closing a ticket with open tasks needs override_reason (409 ticket-has-open-tasks without)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/{id}/status")
    TicketView changeStatus(@PathVariable long id, @Valid @RequestBody StatusRequest request, Actor actor) {
        return views.after(
                () -> tickets.changeStatus(id, request.status(), request.version(), request.overrideReason(), actor));
    }

    @Operation(summary = "Assigns the ticket to an agent, or unassigns it with agent_id null")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/{id}/assignee")
    TicketView assign(@PathVariable long id, @RequestBody AssigneeRequest request, Actor actor) {
        return views.after(() -> tickets.assign(id, request.agentId(), request.version(), actor));
    }

    @Operation(summary = "The ticket's history, oldest first: who changed which field when, from what to what")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/{id}/activities")
    KeysetPage<HistoryEntryView> history(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        List<HistoryEntryView> items = tickets.history(id, actor, Cursor.decodeId(cursor), limit).stream()
                .map(HistoryEntryView::of)
                .toList();
        return KeysetPage.of(items, limit, HistoryEntryView::id);
    }
}
