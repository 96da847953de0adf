package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketCounts;
import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.AssignRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.CreateTicketRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.DueDateRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.PriorityRequest;
import io.safaridesk.helpdesk.ticket.web.TicketRequests.StatusRequest;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The seed's ticket endpoints, which existing SafariDesk clients call; each maps onto the REST resources. */
@Tag(name = "Tickets (seed paths)")
@RestController
@RequestMapping("/api/v1/ticket")
class SeedTicketController {

    private final Tickets tickets;
    private final TicketSearch search;
    private final TicketStatuses statuses;
    private final TicketViews views;
    private final TicketCounts counts;

    SeedTicketController(
            Tickets tickets, TicketSearch search, TicketStatuses statuses, TicketViews views, TicketCounts counts) {
        this.tickets = tickets;
        this.search = search;
        this.statuses = statuses;
        this.views = views;
        this.counts = counts;
    }

    @Operation(summary = "As GET /api/v1/tickets; also takes search, assigned_to, date_from, date_to and seed views")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/list")
    TicketController.TicketPage list(TicketListParameters parameters, Actor actor) {
        return views.page(() -> search.list(parameters.toQuery(actor, statuses), actor));
    }

    @Operation(summary = "The count of every ticket view the caller can use (the list's view names)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/counts")
    Map<String, Long> counts(Actor actor) {
        return counts.views(actor);
    }

    @Operation(summary = "As POST /api/v1/tickets")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping("/create")
    @ResponseStatus(HttpStatus.CREATED)
    TicketView create(@Valid @RequestBody CreateTicketRequest request, Actor actor) {
        return views.after(() -> tickets.create(request.toCommand(Channel.WEB), actor));
    }

    @Operation(summary = "The ticket with this human number (T-1042, or 1042)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/get/{ticketId}")
    TicketView get(@PathVariable String ticketId, Actor actor) {
        return views.after(() -> tickets.getByNumber(number("ticket_id", ticketId), actor));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/update/status/{id}")
    TicketView status(@PathVariable long id, @Valid @RequestBody StatusRequest request, Actor actor) {
        return views.after(
                () -> tickets.changeStatus(id, request.status(), request.version(), request.overrideReason(), actor));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/update/priority/{id}")
    TicketView priority(@PathVariable long id, @Valid @RequestBody PriorityRequest request, Actor actor) {
        return views.after(() -> tickets.update(id, onlyPriority(request), actor));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PutMapping("/update/due-date/{id}")
    TicketView dueDate(@PathVariable long id, @RequestBody DueDateRequest request, Actor actor) {
        return views.after(() -> tickets.update(
                id,
                new Tickets.Changes(
                        null, null, null, null, null, null, Optional.ofNullable(request.dueDate()), request.version()),
                actor));
    }

    @Operation(summary = "Assigns a ticket (ticket_id: its id, or its number as T-1042) to agent_id, or null: nobody")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_WRITE)
    @PostMapping("/assign")
    TicketView assign(@Valid @RequestBody AssignRequest request, Actor actor) {
        String ticket = request.ticketId().strip();
        long id = !ticket.isEmpty() && ticket.length() < 19 && ticket.chars().allMatch(Character::isDigit)
                ? Long.parseLong(ticket)
                : tickets.getByNumber(number("ticket_id", ticket), actor).id();
        Ticket assigned = tickets.assign(id, request.agentId(), request.version(), actor);
        return views.of(assigned);
    }

    private static Tickets.Changes onlyPriority(PriorityRequest request) {
        return new Tickets.Changes(
                null, null, null, null, null, Priority.of("priority", request.priority()), null, request.version());
    }

    /** The number in {@code T-1042} or {@code 1042}, whatever the prefix. */
    static long number(String field, String humanId) {
        String digits = humanId.strip().replaceFirst("^[^0-9]*", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(field, "is not a ticket number such as T-1042");
        }
    }
}
