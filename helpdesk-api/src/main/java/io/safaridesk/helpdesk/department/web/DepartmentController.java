package io.safaridesk.helpdesk.department.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.department.AssignmentMode;
import io.safaridesk.domain.department.Department;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Departments")
@RestController
@RequestMapping("/api/v1/departments")
@Validated
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    record DepartmentRequest(
            @NotBlank @Size(max = 100) String name,
            @Email @Size(max = 254) String supportEmail,
            Boolean active,
            Integer version) {

        Departments.Details toDetails() {
            return new Departments.Details(name.trim(), supportEmail, active == null || active, version);
        }
    }

    record DepartmentView(
            long id,
            String name,
            String supportEmail,
            boolean active,
            String assignmentMode,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static DepartmentView of(Department d) {
            return new DepartmentView(
                    d.id(),
                    d.name(),
                    d.supportEmail(),
                    d.active(),
                    d.assignmentMode().name().toLowerCase(Locale.ROOT),
                    d.createdAt(),
                    d.updatedAt(),
                    d.version());
        }
    }

    @Operation(summary = "Departments in id order; pass next_cursor back as cursor for the next page")
    @Callers({ADMIN, AGENT})
    @GetMapping
    KeysetPage<DepartmentView> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        List<DepartmentView> items = departments.list(Cursor.decodeId(cursor), limit).stream()
                .map(DepartmentView::of)
                .toList();
        return KeysetPage.of(items, limit, DepartmentView::id);
    }

    @Callers({ADMIN, AGENT})
    @GetMapping("/{id}")
    DepartmentView get(@PathVariable long id) {
        return DepartmentView.of(departments.get(id));
    }

    @Callers(ADMIN)
    @PostMapping
    ResponseEntity<DepartmentView> create(@Valid @RequestBody DepartmentRequest request) {
        DepartmentView created = DepartmentView.of(departments.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id()))
                .body(created);
    }

    @Callers(ADMIN)
    @PutMapping("/{id}")
    DepartmentView update(@PathVariable long id, @Valid @RequestBody DepartmentRequest request) {
        return DepartmentView.of(departments.update(id, request.toDetails()));
    }

    /** manual, round_robin (in turn among available members) or least_open (fewest open and pending tickets). */
    record AssignmentRequest(@NotBlank String mode, Integer version) {}

    @Operation(summary = "How the department's new tickets are assigned: manual, round_robin or least_open")
    @Callers(ADMIN)
    @PutMapping("/{id}/assignment")
    DepartmentView changeAssignment(@PathVariable long id, @Valid @RequestBody AssignmentRequest request) {
        return DepartmentView.of(
                departments.changeAssignment(id, AssignmentMode.of("mode", request.mode()), request.version()));
    }

    @Callers(ADMIN)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        departments.delete(id);
    }
}
