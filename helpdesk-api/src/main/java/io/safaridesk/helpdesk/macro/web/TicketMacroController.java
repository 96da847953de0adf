package io.safaridesk.helpdesk.macro.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.macro.MacroRuns;
import io.safaridesk.helpdesk.macro.web.MacroViews.RunView;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Macros applied to a ticket. */
@Callers(
        value = {ADMIN, AGENT},
        tokens = TICKETS_WRITE)
@Tag(name = "Macros")
@RestController
@RequestMapping("/api/v1/tickets/{id}/macros")
class TicketMacroController {

    private final MacroRuns runs;

    TicketMacroController(MacroRuns runs) {
        this.runs = runs;
    }

    @Operation(
            summary = "Applies a macro to the ticket in one step: its reply or note (placeholders filled, escaped) and"
                    + " its field changes, all or nothing, with one history entry naming it; dry_run=true answers"
                    + " the same without applying anything")
    @PostMapping("/{macroId}/apply")
    RunView apply(
            @PathVariable long id,
            @PathVariable long macroId,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            Actor actor) {
        return RunView.of(runs.apply(id, macroId, dryRun, actor));
    }
}
