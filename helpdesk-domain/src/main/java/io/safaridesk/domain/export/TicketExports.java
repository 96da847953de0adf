package io.safaridesk.domain.export;

import io.safaridesk.domain.ticket.TicketQuery;
import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticket exports as staff ask for them: by ticket ids or by the ticket list's filters, in CSV or XLSX. An export is
 * queued here and written by the worker ({@code export.requested}); the requester lists and follows their own
 * exports and downloads the file through a signed link that also requires them (or an admin of the workspace) to be
 * signed in. Another user's export is 404, exactly like a ticket out of sight.
 */
@Component
@Transactional
@EnableConfigurationProperties(ExportProperties.class)
public class TicketExports {

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketExportRepository exports;
    private final TicketSearch search;
    private final DomainEvents events;
    private final ExportLinks links;
    private final ExportProperties properties;
    private final FileStore files;
    private final JsonMapper json;
    private final Clock clock;

    TicketExports(
            TicketExportRepository exports,
            TicketSearch search,
            DomainEvents events,
            ExportLinks links,
            ExportProperties properties,
            FileStore files,
            JsonMapper json,
            Clock clock) {
        this.exports = exports;
        this.search = search;
        this.events = events;
        this.links = links;
        this.properties = properties;
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    /** What the worker is told: which export to write. */
    public record ExportRequested(long exportId, String userId) {}

    /** Queues an export of the tickets {@code ticketIds}, each of which the actor must see (else 422 on it). */
    public TicketExport requestTickets(List<Long> ticketIds, ExportFormat format, Actor actor) {
        if (ticketIds == null || ticketIds.isEmpty()) {
            throw ApiProblem.invalidField("ticket_ids", "must name at least one ticket");
        }
        if (ticketIds.size() > properties.maxTicketIds()) {
            throw ApiProblem.invalidField(
                    "ticket_ids", "may name at most " + properties.maxTicketIds() + " tickets; export by filters");
        }
        requireVisible(ticketIds, actor);
        return queue(ExportSelection.ofIds(List.copyOf(new LinkedHashSet<>(ticketIds))), format, actor);
    }

    /** Queues an export of every ticket the list {@code query} describes for the actor (its page is ignored). */
    public TicketExport requestList(TicketQuery query, ExportFormat format, Actor actor) {
        return queue(ExportSelection.ofQuery(query), format, actor);
    }

    private TicketExport queue(ExportSelection selection, ExportFormat format, Actor actor) {
        TicketExport export = exports.save(
                new TicketExport(actor.userId(), format, json.writeValueAsString(selection), clock.instant()));
        events.record(EventTopology.EXPORT_REQUESTED, new ExportRequested(export.id(), actor.userId()));
        return export;
    }

    private void requireVisible(List<Long> ticketIds, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ticketIds.size(); i++) {
            if (ticketIds.get(i) == null) {
                problems.add(new FieldProblem("ticket_ids[" + i + "]", "must be a ticket id"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        TicketSearch.Condition visible = search.visibleTo(actor, "t");
        Query query = entityManager.createNativeQuery(
                "select t.id from tickets t where t.id = any(cast(:ids as bigint[])) and " + visible.sql(), Long.class);
        query.setParameter("ids", ticketIds.toArray(Long[]::new));
        visible.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        Set<Long> seen = new HashSet<>(query.getResultList());
        for (int i = 0; i < ticketIds.size(); i++) {
            if (!seen.contains(ticketIds.get(i))) {
                problems.add(new FieldProblem("ticket_ids[" + i + "]", "is not a ticket you can see"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
    }

    /** The actor's own exports, newest first, before {@code beforeId} ({@link Long#MAX_VALUE} for the first page). */
    @Transactional(readOnly = true)
    public List<TicketExport> mine(Actor actor, long beforeId, int limit) {
        return exports.page(actor.userId(), beforeId, limit);
    }

    /** One export: the actor's own, or any of the workspace for an admin; 404 otherwise. */
    @Transactional(readOnly = true)
    public TicketExport get(long id, Actor actor) {
        return exports.findById(id)
                .filter(export -> actor.isAdmin() || Objects.equals(export.requestedBy(), actor.userId()))
                .orElseThrow(() -> ExportProblem.notFound(id));
    }

    /** The signed download link of a ready export, valid until the export expires. */
    public Optional<String> downloadUrl(TicketExport export) {
        return export.state() == ExportState.READY
                ? Optional.of(properties.downloadBaseUrl()
                        + links.path(TenantContext.current(), export.id(), export.expiresAt()))
                : Optional.empty();
    }

    /** A stored export file, to be streamed to the client (who closes {@code content}). */
    public record Download(String fileName, String contentType, long size, InputStream content) {}

    /**
     * The file of export {@code id}, when the link's signature holds for this workspace and export and has not
     * expired (403 / 410), the actor may see the export (404) and it is ready (409; 410 once expired).
     */
    @Transactional(readOnly = true)
    public Download download(long id, long expires, String signature, Actor actor) {
        switch (links.verify(TenantContext.current(), id, expires, signature, clock.instant())) {
            case TAMPERED -> throw ExportProblem.linkTampered();
            case EXPIRED -> throw ExportProblem.linkExpired();
            case VALID -> {}
        }
        TicketExport export = get(id, actor);
        if (export.state() == ExportState.EXPIRED) {
            throw ExportProblem.expired();
        }
        if (export.state() != ExportState.READY) {
            throw ExportProblem.notReady(export.state());
        }
        InputStream content =
                files.open(TenantContext.current(), export.storageKey()).orElseThrow(ExportProblem::expired);
        return new Download(export.fileName(), export.format().contentType(), export.sizeBytes(), content);
    }
}
