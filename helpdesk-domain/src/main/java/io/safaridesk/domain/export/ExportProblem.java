package io.safaridesk.domain.export;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Why an export or its file cannot be had. */
public final class ExportProblem extends ApiProblem {

    private ExportProblem(HttpStatus status, String type, String detail) {
        super(status, type, detail);
    }

    /** No such export of the caller's (another user's export does not exist for an agent either). */
    static ExportProblem notFound(long id) {
        return new ExportProblem(HttpStatus.NOT_FOUND, "export-not-found", "No export " + id);
    }

    static ExportProblem linkTampered() {
        return new ExportProblem(
                HttpStatus.FORBIDDEN, "download-link-invalid", "The download link is not valid for this export");
    }

    static ExportProblem linkExpired() {
        return new ExportProblem(
                HttpStatus.GONE, "download-link-expired", "The download link has expired: ask for a new export");
    }

    static ExportProblem notReady(ExportState state) {
        return new ExportProblem(
                HttpStatus.CONFLICT,
                "export-not-ready",
                "The export is " + state.name().toLowerCase(Locale.ROOT) + ", not ready");
    }

    static ExportProblem expired() {
        return new ExportProblem(HttpStatus.GONE, "export-expired", "The export's file was deleted: it has expired");
    }
}
