package io.safaridesk.worker.export;

import io.safaridesk.domain.export.ExportFormat;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes an export's rows to a stream as they come, holding no more than a small window of them. */
interface ExportWriter extends Closeable {

    /** One row of cells, in the order of the header. */
    void row(List<String> cells) throws IOException;

    /** Completes the file (the stream stays the caller's to close). */
    @Override
    void close() throws IOException;

    /** A writer of {@code format} to {@code out}, its header row already written. */
    static ExportWriter open(ExportFormat format, OutputStream out, List<String> header) throws IOException {
        return switch (format) {
            case CSV -> new CsvExportWriter(out, header);
            case XLSX -> new XlsxExportWriter(out, header);
        };
    }

    /** An export the format cannot hold; its message is meant for the user. */
    final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }
}
