package io.safaridesk.worker.export;

import io.safaridesk.platform.web.SafeCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** An export as CSV: RFC 4180, UTF-8, formula-guarded cells ({@link SafeCsv}). */
final class CsvExportWriter implements ExportWriter {

    private final SafeCsv csv;

    CsvExportWriter(OutputStream out, List<String> header) throws IOException {
        this.csv = SafeCsv.writingTo(out, header);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        csv.row(cells);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
