package io.safaridesk.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One report: its rows (each a map in {@code columns} order), and totals over the period. The same data serves JSON
 * and CSV.
 */
public record Report(
        String name,
        LocalDate from,
        LocalDate to,
        String timeZone,
        Instant start,
        Instant end,
        List<String> columns,
        List<Map<String, Object>> rows,
        Map<String, Object> totals) {

    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
