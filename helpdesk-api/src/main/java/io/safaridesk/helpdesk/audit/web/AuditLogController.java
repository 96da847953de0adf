package io.safaridesk.helpdesk.audit.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.audit.AuditLog;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.safaridesk.platform.web.QueryParameters;
import io.safaridesk.platform.web.SafeCsv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Callers(ADMIN)
@Tag(name = "Audit log")
@RestController
@RequestMapping("/api/v1/audit-log")
@Validated
class AuditLogController {

    private static final int EXPORT_BATCH = 1000;
    private static final List<String> COLUMNS = List.of(
            "id",
            "occurred_at",
            "actor_user_id",
            "actor_name",
            "actor_role",
            "action",
            "target",
            "status",
            "client_address");

    private final AuditLog auditLog;

    AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Operation(
            summary = "Who did what and when, newest first: every change an admin made and every deletion or export by"
                    + " staff, and every login, refused login and lockout (action POST /api/v1/auth/login), with"
                    + " the answer they got and their address; filters user_id (the actor's realm user id), action"
                    + " (part of method and route), from and to (ISO date or instant)")
    @GetMapping
    KeysetPage<AuditLog.Entry> list(
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        return KeysetPage.of(auditLog.list(filter(userId, action, from, to), before, limit), limit, AuditLog.Entry::id);
    }

    @Operation(summary = "The same entries, every page of them, as a CSV file")
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AuditLog.Filter filter = filter(userId, action, from, to);
        // the body is written after the handler returned, outside the request's workspace context: carry it along
        TenantSlug workspace = TenantContext.current();
        StreamingResponseBody body = out -> TenantContext.runAs(workspace, () -> write(filter, out));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audit-log.csv")
                                .build()
                                .toString())
                .body(body);
    }

    private void write(AuditLog.Filter filter, OutputStream out) {
        try (SafeCsv csv = SafeCsv.writingTo(out, COLUMNS)) {
            long before = Long.MAX_VALUE;
            List<AuditLog.Entry> page;
            do {
                page = auditLog.list(filter, before, EXPORT_BATCH);
                for (AuditLog.Entry entry : page) {
                    csv.row(List.of(
                            String.valueOf(entry.id()),
                            entry.occurredAt().toString(),
                            entry.actorUserId(),
                            entry.actorName() == null ? "" : entry.actorName(),
                            entry.actorRole(),
                            entry.action(),
                            entry.target(),
                            String.valueOf(entry.status()),
                            entry.clientAddress() == null ? "" : entry.clientAddress()));
                    before = entry.id();
                }
            } while (page.size() == EXPORT_BATCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditLog.Filter filter(String userId, String action, String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        AuditLog.Filter filter = new AuditLog.Filter(
                blankToNull(userId),
                blankToNull(action),
                QueryParameters.instant("from", from, problems),
                QueryParameters.instant("to", to, problems));
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return filter;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
