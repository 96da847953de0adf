package io.safaridesk.helpdesk.macro.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.macro.MacroScope;
import io.safaridesk.domain.macro.MacroSort;
import io.safaridesk.domain.macro.Macros;
import io.safaridesk.helpdesk.macro.web.MacroRequests.MacroRequest;
import io.safaridesk.helpdesk.macro.web.MacroViews.MacroPage;
import io.safaridesk.helpdesk.macro.web.MacroViews.MacroView;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Callers({ADMIN, AGENT})
@Tag(name = "Macros")
@RestController
@RequestMapping("/api/v1/macros")
@Validated
class MacroController {

    private final Macros macros;

    MacroController(Macros macros) {
        this.macros = macros;
    }

    @Operation(
            summary = "The macros the caller may use: their personal ones, their departments' and the workspace's"
                    + " (admins: every shared one); q searches the name; scope personal, shared, department or"
                    + " workspace; sort name or usage (most used first); pass next_cursor back as cursor")
    @GetMapping
    MacroPage list(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) String scope,
            @RequestParam(name = "department_id", required = false) Long departmentId,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        Macros.Page page = macros.list(
                new Macros.Query(q, scopes(scope), departmentId, MacroSort.of("sort", sort), cursor, limit), actor);
        return new MacroPage(page.macros().stream().map(MacroView::of).toList(), page.nextCursor());
    }

    @Operation(
            summary = "Creates a macro: personal (any agent, theirs alone) or, for admins, shared with a department"
                    + " (department_id) or the workspace; body_html may use placeholders such as {{requester.name}}")
    @PostMapping
    ResponseEntity<MacroView> create(@Valid @RequestBody MacroRequest request, Actor actor) {
        MacroView created = MacroView.of(macros.create(request.toDraft(), actor));
        return ResponseEntity.created(URI.create("/api/v1/macros/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    MacroView get(@PathVariable long id, Actor actor) {
        return MacroView.of(macros.get(id, actor));
    }

    @Operation(
            summary = "Changes the fields sent (body_html null removes the reply; actions replace the macro's);"
                    + " personal macros by their owner, shared ones by admins; version guards")
    @PatchMapping("/{id}")
    MacroView update(@PathVariable long id, @Valid @RequestBody MacroRequest request, Actor actor) {
        return MacroView.of(macros.update(id, request.toDraft(), actor));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Actor actor) {
        macros.delete(id, actor);
        return ResponseEntity.noContent().build();
    }

    /** {@code shared} stands for department and workspace macros together. */
    private static Set<MacroScope> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        if (scope.strip().equalsIgnoreCase("shared")) {
            return EnumSet.of(MacroScope.DEPARTMENT, MacroScope.WORKSPACE);
        }
        try {
            return EnumSet.of(MacroScope.of("scope", scope));
        } catch (ApiProblem e) {
            throw ApiProblem.invalidField("scope", "is not one of [personal, shared, department, workspace]");
        }
    }
}
