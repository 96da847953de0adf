package io.safaridesk.worker.export;

import io.micrometer.core.instrument.MeterRegistry;
import io.safaridesk.domain.export.ExportRuns;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes one export in the workspace in context: claims it, streams its rows into a temporary file in its format,
 * hands the file to the store and announces it. A failure marks the export failed with a reason for the user (the
 * details go to the log) and tells them. Only the claim makes a second delivery of the same request a no-op.
 */
@Component
class ExportJob {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    private final ExportRuns runs;
    private final MeterRegistry meters;

    ExportJob(ExportRuns runs, MeterRegistry meters) {
        this.runs = runs;
        this.meters = meters;
    }

    /** Runs export {@code exportId} unless it is not queued any more. */
    void run(long exportId) {
        runs.start(exportId).ifPresent(this::write);
    }

    private void write(ExportRuns.Run run) {
        Path file = null;
        try {
            file = Files.createTempFile("safaridesk-export-", "." + run.format().extension());
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                    ExportWriter writer = ExportWriter.open(run.format(), out, ExportRuns.columns())) {
                rows = runs.rows(run, cells -> {
                    try {
                        writer.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            ExportRuns.Stored stored = runs.store(run, file);
            runs.finish(run, rows, stored);
            meters.counter("safaridesk.export.rows", "format", run.format().extension())
                    .increment(rows);
            log.info("Export {} written: {} tickets, {} bytes", run.exportId(), rows, stored.size());
        } catch (ExportWriter.TooLarge tooLarge) {
            runs.fail(run.exportId(), tooLarge.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Export {} failed", run.exportId(), e);
            runs.fail(run.exportId(), "the file could not be written (export " + run.exportId() + ")");
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete the temporary export file {}", file, e);
        }
    }
}
