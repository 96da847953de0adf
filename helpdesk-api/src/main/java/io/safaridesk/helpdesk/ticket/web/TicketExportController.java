package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.export.ExportFormat;
import io.safaridesk.domain.export.TicketExport;
import io.safaridesk.domain.export.TicketExports;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.Downloads;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket exports: queued here (202 with the export's Location), written by the worker, announced in-app and by mail,
 * downloaded through a signed link by their requester (or an admin).
 */
@Callers({ADMIN, AGENT})
@Tag(name = "Ticket exports")
@RestController
@Validated
class TicketExportController {

    private final TicketExports exports;
    private final TicketStatuses statuses;

    TicketExportController(TicketExports exports, TicketStatuses statuses) {
        this.exports = exports;
        this.statuses = statuses;
    }

    /** An export as its requester follows it; {@code download_url} once it is ready. */
    record ExportView(
            long id,
            String format,
            String state,
            Long rowCount,
            Long sizeBytes,
            String error,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            Instant expiresAt,
            String downloadUrl) {}

    record ExportPage(List<ExportView> items, String nextCursor) {}

    /** The seed's body: the selected tickets, and the format (xlsx when absent). */
    record SeedExportRequest(List<Long> ticketIds, String format) {}

    @Operation(summary = "Exports the selected tickets (the seed's endpoint); 202, the export follows at Location")
    @PostMapping("/api/v1/ticket/export")
    ResponseEntity<ExportView> exportSelected(@RequestBody SeedExportRequest request, Actor actor) {
        return accepted(
                exports.requestTickets(request.ticketIds(), ExportFormat.of("format", request.format()), actor));
    }

    @Operation(
            summary = "Exports every ticket of the list the query parameters describe (the ticket list's filters,"
                    + " view and sort; its page is ignored) as csv or xlsx; 202, the export follows at Location")
    @PostMapping("/api/v1/tickets/exports")
    ResponseEntity<ExportView> exportList(
            TicketListParameters parameters, @RequestParam(required = false) String format, Actor actor) {
        return accepted(
                exports.requestList(parameters.toQuery(actor, statuses), ExportFormat.of("format", format), actor));
    }

    @Operation(summary = "The caller's own exports, newest first; pass next_cursor back as cursor")
    @GetMapping("/api/v1/tickets/exports")
    ExportPage mine(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            Actor actor) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        KeysetPage<TicketExport> page = KeysetPage.of(exports.mine(actor, before, limit), limit, TicketExport::id);
        return new ExportPage(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/tickets/exports/{id}")
    ExportView get(@PathVariable long id, Actor actor) {
        return view(exports.get(id, actor));
    }

    @Operation(
            summary = "The export's file, streamed; needs the signed link's expires and signature and the requester's"
                    + " (or an admin's) token")
    @GetMapping("/api/v1/tickets/exports/{id}/file")
    ResponseEntity<Resource> file(
            @PathVariable long id, @RequestParam long expires, @RequestParam String signature, Actor actor) {
        TicketExports.Download download = exports.download(id, expires, signature, actor);
        return Downloads.attachment(download.contentType(), download.fileName(), download.size(), download.content());
    }

    private ResponseEntity<ExportView> accepted(TicketExport export) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/tickets/exports/" + export.id()))
                .body(view(export));
    }

    private ExportView view(TicketExport export) {
        return new ExportView(
                export.id(),
                export.format().extension(),
                export.state().name(),
                export.rowCount(),
                export.sizeBytes(),
                export.error(),
                export.createdAt(),
                export.startedAt(),
                export.finishedAt(),
                export.expiresAt(),
                exports.downloadUrl(export).orElse(null));
    }
}
