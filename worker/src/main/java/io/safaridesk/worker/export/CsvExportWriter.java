package io.safaridesk.worker.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV in UTF-8 (CRLF line ends, every cell quoted). Guards against CSV injection as OWASP advises: a cell that
 * a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) is prefixed with a single quote, so it shows as the text it is.
 */
final class CsvExportWriter implements ExportWriter {

    private final CSVPrinter printer;

    CsvExportWriter(OutputStream out, List<String> header) throws IOException {
        this.printer = CSVFormat.RFC4180
                .builder()
                .setQuoteMode(QuoteMode.ALL)
                .get()
                .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
        printer.printRecord(header);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(neutralised(cell));
        }
        printer.printRecord(safe);
    }

    /** The cell as text a spreadsheet never evaluates. */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
