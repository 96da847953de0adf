package io.safaridesk.platform.web;

import java.io.BufferedWriter;
import java.io.Closeable;
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
 * RFC 4180 CSV in UTF-8 (CRLF line ends, every cell quoted) for every file we hand out. Guards against CSV injection
 * as OWASP advises: a cell that a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) is prefixed with a single quote, so it shows as the text it is.
 */
public final class SafeCsv implements Closeable {

    private final CSVPrinter printer;

    private SafeCsv(OutputStream out, List<String> header) throws IOException {
        this.printer = CSVFormat.RFC4180
                .builder()
                .setQuoteMode(QuoteMode.ALL)
                .get()
                .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
        printer.printRecord(header);
    }

    /** A table written to {@code out}, starting with its header row; {@link #close()} flushes, never closes out. */
    public static SafeCsv writingTo(OutputStream out, List<String> header) throws IOException {
        return new SafeCsv(out, header);
    }

    public void row(List<String> cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(neutralised(cell));
        }
        printer.printRecord(safe);
    }

    /** The cell as text a spreadsheet never evaluates. */
    public static String neutralised(String cell) {
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
