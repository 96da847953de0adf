package io.safaridesk.worker.export;

import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.export.ExportState;
import io.safaridesk.domain.export.TicketExport;
import io.safaridesk.domain.export.TicketExports;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.TicketQuery;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Asking for exports and reading their files back, as the API and a downloading user would. */
final class ExportTestSupport {

    private ExportTestSupport() {}

    /** The whole live list, newest first, optionally only of some priorities. */
    static TicketQuery list(Priority... priorities) {
        return new TicketQuery(
                null,
                null,
                Set.of(priorities),
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                25);
    }

    /** A CSV export read back with Commons CSV, its first line as the header. */
    static List<CSVRecord> parseCsv(InputStream content) {
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(content, StandardCharsets.UTF_8))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relays the request to the worker and waits until the export is no longer queued or running. */
    static TicketExport awaitFinished(
            WorkerTestWorkspace workspace, OutboxRelay relay, TicketExports exports, long id, Actor actor) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            relay.drain();
                            return workspace.inTransaction(() -> exports.get(id, actor));
                        },
                        export -> export.state() != ExportState.QUEUED && export.state() != ExportState.RUNNING);
    }

    /** Downloads a ready export through its signed link, as {@code actor}, and reads it with {@code reader}. */
    static <T> T download(
            WorkerTestWorkspace workspace,
            TicketExports exports,
            TicketExport export,
            Actor actor,
            Function<InputStream, T> reader) {
        return TenantContext.callAs(workspace.slug(), () -> {
            URI link = URI.create(exports.downloadUrl(export).orElseThrow());
            String[] query = link.getQuery().split("&");
            long expires = Long.parseLong(query[0].substring("expires=".length()));
            String signature = query[1].substring("signature=".length());
            TicketExports.Download download = exports.download(export.id(), expires, signature, actor);
            try (InputStream content = download.content()) {
                return reader.apply(content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
