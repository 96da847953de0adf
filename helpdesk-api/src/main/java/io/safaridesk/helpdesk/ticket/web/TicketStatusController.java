package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;
import static io.safaridesk.helpdesk.security.Caller.CUSTOMER;

import io.safaridesk.domain.ticket.StatusCategory;
import io.safaridesk.domain.ticket.TicketStatus;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ticket statuses")
@RestController
@RequestMapping("/api/v1/ticket-statuses")
class TicketStatusController {

    private final TicketStatuses statuses;

    TicketStatusController(TicketStatuses statuses) {
        this.statuses = statuses;
    }

    record StatusRequest(
            @NotBlank @Size(max = 60) String name,
            @NotBlank String category,
            Set<Long> allowedNext,
            Boolean pausesSla,
            Integer version) {

        TicketStatuses.Details toDetails() {
            return new TicketStatuses.Details(
                    name, StatusCategory.of("category", category), allowedNext, pausesSla, version);
        }
    }

    record OrderRequest(@NotEmpty List<Long> statusIds) {}

    record StatusView(
            long id,
            String name,
            StatusCategory category,
            int position,
            boolean isDefault,
            boolean retired,
            boolean pausesSla,
            Set<Long> allowedNext,
            int version) {

        static StatusView of(TicketStatus s) {
            return new StatusView(
                    s.id(),
                    s.name(),
                    s.category(),
                    s.position(),
                    s.isDefault(),
                    s.retired(),
                    s.pausesSla(),
                    s.allowedNext(),
                    s.version());
        }
    }

    @Operation(summary = "Every status, retired ones too, in display order")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = TICKETS_READ)
    @GetMapping
    List<StatusView> list() {
        return statuses.list().stream().map(StatusView::of).toList();
    }

    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = TICKETS_READ)
    @GetMapping("/{id}")
    StatusView get(@PathVariable long id) {
        return StatusView.of(statuses.get(id));
    }

    @Operation(summary = "Adds a status at the end; allowed_next (empty: any) restricts the moves out of it")
    @Callers(ADMIN)
    @PostMapping
    ResponseEntity<StatusView> create(@Valid @RequestBody StatusRequest request) {
        StatusView created = StatusView.of(statuses.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/ticket-statuses/" + created.id()))
                .body(created);
    }

    @Operation(
            summary =
                    "Renames, recategorises or restricts a status; pauses_sla (default: category PENDING) stops SLA clocks")
    @Callers(ADMIN)
    @PutMapping("/{id}")
    StatusView update(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return StatusView.of(statuses.update(id, request.toDetails()));
    }

    @Operation(summary = "Puts the statuses in this order; status_ids must name each status once")
    @Callers(ADMIN)
    @PutMapping("/order")
    List<StatusView> reorder(@Valid @RequestBody OrderRequest request) {
        return statuses.reorder(request.statusIds()).stream()
                .map(StatusView::of)
                .toList();
    }

    @Operation(summary = "Makes this (active, OPEN) status the one new tickets start in")
    @Callers(ADMIN)
    @PostMapping("/{id}/default")
    StatusView makeDefault(@PathVariable long id) {
        return StatusView.of(statuses.makeDefault(id));
    }

    @Operation(summary = "Retires a status: its tickets stay, no ticket moves into it")
    @Callers(ADMIN)
    @DeleteMapping("/{id}")
    StatusView retire(@PathVariable long id) {
        return StatusView.of(statuses.retire(id));
    }
}
