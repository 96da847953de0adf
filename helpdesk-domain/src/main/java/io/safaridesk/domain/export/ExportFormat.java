package io.safaridesk.domain.export;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/** The file formats a ticket export is written in. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The format a client names ({@code csv}, {@code xlsx}, any case); XLSX when none; 422 naming {@code field}. */
    public static ExportFormat of(String field, String value) {
        if (value == null || value.isBlank()) {
            return XLSX;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "is not one of csv, xlsx");
        }
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
