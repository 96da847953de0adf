package io.safaridesk.domain.export;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.agent.Membership;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's side of exports, in the workspace in context: claim a queued export (only one worker runs it), read
 * its rows as its requester sees them today, store the written file and announce it ({@code export.ready}, with the
 * signed link), or record why it failed ({@code export.failed}); and expire old files.
 */
@Component
public class ExportRuns {

    private final TicketExportRepository exports;
    private final TicketExportRows rows;
    private final Agents agents;
    private final DomainEvents events;
    private final ExportLinks links;
    private final ExportProperties properties;
    private final FileStore files;
    private final JsonMapper json;
    private final Clock clock;

    ExportRuns(
            TicketExportRepository exports,
            TicketExportRows rows,
            Agents agents,
            DomainEvents events,
            ExportLinks links,
            ExportProperties properties,
            FileStore files,
            JsonMapper json,
            Clock clock) {
        this.exports = exports;
        this.rows = rows;
        this.agents = agents;
        this.events = events;
        this.links = links;
        this.properties = properties;
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    /** An export this worker has claimed, with the requester as they are now (role, departments). */
    public record Run(long exportId, ExportFormat format, ExportSelection selection, Actor requester, String email) {}

    /** The column names of every export, in order. */
    public static List<String> columns() {
        return TicketExportRows.COLUMNS;
    }

    /**
     * Claims export {@code id}; empty when it is not queued (another delivery runs or ran it) or when its requester is
     * no longer an active agent (then it fails).
     */
    @Transactional
    public Optional<Run> start(long id) {
        if (exports.claim(id, clock.instant()) == 0) {
            return Optional.empty();
        }
        TicketExport export = exports.findById(id).orElseThrow();
        Optional<Agent> requester =
                agents.findByKeycloakUserId(export.requestedBy()).filter(Agent::active);
        if (requester.isEmpty()) {
            fail(export, "the requester is no longer an active agent");
            return Optional.empty();
        }
        Agent agent = requester.get();
        Actor actor = Actor.staff(
                agent.keycloakUserId(),
                agent.name(),
                agent.role() == AgentRole.ADMIN ? Actor.Role.ADMIN : Actor.Role.AGENT,
                agent.id(),
                agent.memberships().stream().map(Membership::departmentId).collect(Collectors.toSet()));
        return Optional.of(new Run(
                id, export.format(), json.readValue(export.selection(), ExportSelection.class), actor, agent.email()));
    }

    /** Passes each row of the run to {@code sink} (one read-only transaction, a server-side cursor). */
    public long rows(Run run, Consumer<List<String>> sink) {
        return rows.forEach(run.selection(), run.requester(), properties.fetchSize(), sink);
    }

    /** What the notification consumer is told when a file is ready. */
    public record ExportReady(
            long exportId, String userId, String email, String exportName, String downloadUrl, String expiresAt) {}

    /** What the notification consumer is told when an export failed. */
    public record ExportFailed(long exportId, String userId, String exportName, String reason) {}

    /** Where a written file was stored, and its size. */
    public record Stored(String key, long size) {}

    /**
     * Streams the written {@code file} into the file store under a new key of the workspace (outside any
     * transaction: copying a large file holds no database connection).
     */
    public Stored store(Run run, Path file) {
        String key = "exports/" + run.exportId() + "-" + UUID.randomUUID() + "."
                + run.format().extension();
        try (InputStream content = Files.newInputStream(file)) {
            files.put(TenantContext.current(), key, content);
            return new Stored(key, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store export " + run.exportId(), e);
        }
    }

    /** Marks the export ready with its stored file, until its retention ends, and announces it. */
    @Transactional
    public void finish(Run run, long rowCount, Stored file) {
        TicketExport export = exports.findById(run.exportId()).orElseThrow();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.retention());
        export.ready(rowCount, file.size(), file.key(), now, expires);
        events.record(
                EventTopology.EXPORT_READY,
                new ExportReady(
                        export.id(),
                        export.requestedBy(),
                        run.email(),
                        export.fileName() + " (" + rowCount + " tickets)",
                        properties.downloadBaseUrl() + links.path(TenantContext.current(), export.id(), expires),
                        expires.toString()));
    }

    /** Records why export {@code id} failed and tells its requester. */
    @Transactional
    public void fail(long id, String reason) {
        exports.findById(id).ifPresent(export -> fail(export, reason));
    }

    private void fail(TicketExport export, String reason) {
        export.fail(reason, clock.instant());
        events.record(
                EventTopology.EXPORT_FAILED,
                new ExportFailed(export.id(), export.requestedBy(), export.fileName(), export.error()));
    }

    /** What one expiry sweep did. */
    public record Expiry(int expired, int interrupted) {}

    /**
     * Deletes the files of ready exports past their time (state EXPIRED) and fails runs that have not finished within
     * {@code stale-after} (their worker died).
     */
    @Transactional
    public Expiry expire() {
        Instant now = clock.instant();
        List<TicketExport> due = exports.expiredBy(now);
        for (TicketExport export : due) {
            files.delete(TenantContext.current(), export.storageKey());
            export.expire();
        }
        List<TicketExport> stale = exports.runningSince(now.minus(properties.staleAfter()));
        stale.forEach(export -> fail(export, "interrupted: the worker writing it stopped"));
        return new Expiry(due.size(), stale.size());
    }
}
