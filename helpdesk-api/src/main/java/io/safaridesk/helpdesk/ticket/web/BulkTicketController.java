package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.ticket.BulkTicketOperations;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Callers(
        value = {ADMIN, AGENT},
        tokens = TICKETS_WRITE)
@Tag(name = "Tickets")
@RestController
class BulkTicketController {

    private final BulkTicketOperations bulk;

    BulkTicketController(BulkTicketOperations bulk) {
        this.bulk = bulk;
    }

    /**
     * {@code atomic} (default true): all or nothing; false applies what can be applied. {@code override_reason} lets
     * {@code set_status} resolve or close tickets with open tasks.
     */
    record BulkRequest(
            String action,
            List<Long> ticketIds,
            Long agentId,
            String status,
            String priority,
            Boolean atomic,
            String overrideReason) {

        BulkTicketOperations.Request toRequest() {
            return new BulkTicketOperations.Request(
                    action == null ? null : BulkTicketOperations.Action.of("action", action),
                    ticketIds,
                    agentId,
                    status,
                    priority == null ? null : Priority.of("priority", priority),
                    atomic == null || atomic,
                    overrideReason);
        }
    }

    /** The seed's bulk body: the tickets only, the action is in the path. */
    record SeedBulkRequest(List<Long> ticketIds) {}

    @Operation(
            summary = "One action (archive, unarchive, trash, restore, delete, assign, set_status, set_priority) on up"
                    + " to 1000 tickets, with a result per ticket; all or nothing unless atomic is false."
                    + " delete: admins only, tickets in the trash only")
    @PostMapping("/api/v1/tickets/bulk")
    BulkTicketOperations.Result apply(@RequestBody BulkRequest request, Actor actor) {
        return bulk.apply(request.toRequest(), actor);
    }

    @Operation(summary = "The seed's bulk paths: archive, unarchive, restore, and delete (which moves to the trash)")
    @PostMapping("/api/v1/ticket/bulk/{action:archive|unarchive|restore|delete}")
    BulkTicketOperations.Result seed(@PathVariable String action, @RequestBody SeedBulkRequest request, Actor actor) {
        BulkTicketOperations.Action mapped = action.equals("delete")
                ? BulkTicketOperations.Action.TRASH
                : BulkTicketOperations.Action.of("action", action);
        return bulk.apply(
                new BulkTicketOperations.Request(mapped, request.ticketIds(), null, null, null, true, null), actor);
    }
}
