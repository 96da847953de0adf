package io.safaridesk.helpdesk.department.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.helpdesk.department.web.DepartmentController.DepartmentRequest;
import io.safaridesk.helpdesk.department.web.DepartmentController.DepartmentView;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
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

/** The seed's department paths, on the same facade as {@link DepartmentController}. */
@Tag(name = "Departments")
@RestController
@RequestMapping("/api/v1/department")
@Validated
class DepartmentSeedController {

    private final Departments departments;
    private final Agents agents;

    DepartmentSeedController(Departments departments, Agents agents) {
        this.departments = departments;
        this.agents = agents;
    }

    record StatusRequest(@NotNull Boolean active) {}

    record MemberView(long id, String name, String email, boolean lead, boolean active, boolean available) {

        static MemberView of(Agent agent, long departmentId) {
            boolean lead = agent.memberships().stream().anyMatch(m -> m.departmentId() == departmentId && m.lead());
            return new MemberView(agent.id(), agent.name(), agent.email(), lead, agent.active(), agent.available());
        }
    }

    @Callers({ADMIN, AGENT})
    @GetMapping("/list")
    KeysetPage<DepartmentView> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        List<DepartmentView> items = departments.list(Cursor.decodeId(cursor), limit).stream()
                .map(DepartmentView::of)
                .toList();
        return KeysetPage.of(items, limit, DepartmentView::id);
    }

    @Callers({ADMIN, AGENT})
    @GetMapping("/get/{pk}")
    DepartmentView get(@PathVariable long pk) {
        return DepartmentView.of(departments.get(pk));
    }

    @Operation(summary = "The department's agents, leads first")
    @Callers({ADMIN, AGENT})
    @GetMapping("/members/{pk}")
    List<MemberView> members(@PathVariable long pk) {
        return agents.membersOf(pk).stream().map(a -> MemberView.of(a, pk)).toList();
    }

    @Callers(ADMIN)
    @PostMapping("/create")
    ResponseEntity<DepartmentView> create(@Valid @RequestBody DepartmentRequest request) {
        DepartmentView created = DepartmentView.of(departments.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/department/get/" + created.id()))
                .body(created);
    }

    @Callers(ADMIN)
    @PutMapping("/update/{pk}")
    DepartmentView update(@PathVariable long pk, @Valid @RequestBody DepartmentRequest request) {
        return DepartmentView.of(departments.update(pk, request.toDetails()));
    }

    @Operation(summary = "Activate or deactivate; members and tickets stay")
    @Callers(ADMIN)
    @PutMapping("/status/{pk}")
    DepartmentView status(@PathVariable long pk, @Valid @RequestBody StatusRequest request) {
        return DepartmentView.of(departments.changeStatus(pk, request.active()));
    }

    @Operation(summary = "Delete; its memberships go, its agents stay")
    @Callers(ADMIN)
    @DeleteMapping("/delete/{pk}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long pk) {
        departments.delete(pk);
    }
}
