package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.ticket.TicketMerges;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
class TicketMergeController {

    private final TicketMerges merges;
    private final TicketViews views;

    TicketMergeController(TicketMerges merges, TicketViews views) {
        this.merges = merges;
        this.views = views;
    }

    /** The tickets to merge into the one in the path; the seed calls them {@code ticket_ids}. */
    record MergeRequest(
            List<Long> sourceIds,
            List<Long> ticketIds,
            @Size(max = TicketRequests.MAX_HTML) String note) {

        List<Long> sources() {
            return sourceIds != null ? sourceIds : ticketIds;
        }
    }

    @Operation(
            summary = "Merges source_ids into this ticket: their messages, attachments and watchers move here, they"
                    + " close pointing here; note becomes an internal note")
    @PostMapping("/api/v1/tickets/{id}/merge")
    TicketView merge(@PathVariable long id, @Valid @RequestBody MergeRequest request, Actor actor) {
        return views.of(merges.merge(id, request.sources(), request.note(), actor));
    }

    @Operation(summary = "As POST /api/v1/tickets/{id}/merge (seed path; ticket_ids or source_ids)")
    @PostMapping("/api/v1/ticket/{pk}/merge")
    TicketView seedMerge(@PathVariable long pk, @Valid @RequestBody MergeRequest request, Actor actor) {
        return merge(pk, request, actor);
    }
}
