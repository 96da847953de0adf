package io.safaridesk.worker.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet "Tickets", written by fastexcel as a stream: cells are inline strings (no shared-strings table that
 * would grow with the file) and rows are flushed to the zip stream every {@link #WINDOW} rows, so memory stays that
 * of one window. Cells are text, never formulas. A sheet holds at most 1,048,576 rows, the header included.
 */
final class XlsxExportWriter implements ExportWriter {

    static final int WINDOW = 500;
    static final int MAX_ROWS = 1_048_576;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int next;

    XlsxExportWriter(OutputStream out, List<String> header) throws IOException {
        this.workbook = new Workbook(out, "SafariDesk", "1.0");
        this.sheet = workbook.newWorksheet("Tickets");
        for (int column = 0; column < header.size(); column++) {
            sheet.inlineString(0, column, header.get(column));
            sheet.style(0, column).bold().set();
        }
        next = 1;
    }

    @Override
    public void row(List<String> cells) throws IOException {
        if (next >= MAX_ROWS) {
            throw new TooLarge("an XLSX sheet holds at most " + (MAX_ROWS - 1) + " tickets: export them as CSV");
        }
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            if (cell != null && !cell.isEmpty()) {
                sheet.inlineString(next, column, cell);
            }
        }
        next++;
        if (next % WINDOW == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
