package io.safaridesk.helpdesk.report.web;

import io.safaridesk.domain.report.Report;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.web.SafeCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report as JSON, or as a CSV download when asked by {@code ?format=csv} or {@code Accept: text/csv}. */
final class ReportResponses {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private ReportResponses() {}

    static ResponseEntity<?> of(Report report, boolean csv) {
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(report.name() + "-" + report.from() + "-" + report.to() + ".csv")
                                .build()
                                .toString())
                .body(csv(report));
    }

    /** Whether the caller asked for CSV; a 422 problem for a format that is neither json nor csv. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiProblem.invalidField("format", "is not one of json, csv");
            };
        }
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.equalsTypeAndSubtype(TEXT_CSV));
        } catch (InvalidMediaTypeException unreadable) {
            return false; // content negotiation answers an unreadable Accept as it does on every route
        }
    }

    /**
     * A header line of the columns, then one line per row; an absent figure is an empty cell, and text a spreadsheet
     * would evaluate (a department named {@code =cmd}) is guarded as in every file we hand out ({@link SafeCsv}).
     */
    static String csv(Report report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(report.columns().toArray(String[]::new))
                        .get())) {
            for (Map<String, Object> row : report.rows()) {
                printer.printRecord(report.columns().stream()
                        .map(column ->
                                row.get(column) instanceof String text ? SafeCsv.neutralised(text) : row.get(column))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
