package io.safaridesk.helpdesk.automation.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.automation.AutomationRules;
import io.safaridesk.domain.automation.RuleKind;
import io.safaridesk.helpdesk.automation.web.AutomationRequests.DryRunRequest;
import io.safaridesk.helpdesk.automation.web.AutomationRequests.RuleRequest;
import io.safaridesk.helpdesk.automation.web.AutomationViews.DryRunView;
import io.safaridesk.helpdesk.automation.web.AutomationViews.RulePage;
import io.safaridesk.helpdesk.automation.web.AutomationViews.RuleView;
import io.safaridesk.helpdesk.automation.web.AutomationViews.VerdictView;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Triggers ({@code /api/v1/triggers}) and time rules ({@code /api/v1/time-rules}): the same shape, admins only. */
@Tag(name = "Automation")
@Callers(ADMIN)
@RestController
@Validated
class AutomationController {

    private final AutomationRules rules;

    AutomationController(AutomationRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "The triggers in the order they run (position, then id); pass next_cursor back as cursor")
    @GetMapping("/api/v1/triggers")
    RulePage triggers(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        return RulePage.of(rules.list(RuleKind.TRIGGER, cursor, limit, actor));
    }

    @Operation(summary = "The time rules in the order they run (position, then id); pass next_cursor back as cursor")
    @GetMapping("/api/v1/time-rules")
    RulePage timeRules(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        return RulePage.of(rules.list(RuleKind.TIME_RULE, cursor, limit, actor));
    }

    @Operation(summary = "Creates a trigger: events, conditions (all must hold) and actions (run in order)")
    @PostMapping("/api/v1/triggers")
    ResponseEntity<RuleView> createTrigger(@Valid @RequestBody RuleRequest request, Actor actor) {
        return created("/api/v1/triggers/", rules.create(RuleKind.TRIGGER, request.toDraft(), actor));
    }

    @Operation(summary = "Creates a time rule: conditions with at least one hours_since_... and actions")
    @PostMapping("/api/v1/time-rules")
    ResponseEntity<RuleView> createTimeRule(@Valid @RequestBody RuleRequest request, Actor actor) {
        return created("/api/v1/time-rules/", rules.create(RuleKind.TIME_RULE, request.toDraft(), actor));
    }

    @GetMapping("/api/v1/triggers/{id}")
    RuleView trigger(@PathVariable long id, Actor actor) {
        return RuleView.of(rules.get(RuleKind.TRIGGER, id, actor));
    }

    @GetMapping("/api/v1/time-rules/{id}")
    RuleView timeRule(@PathVariable long id, Actor actor) {
        return RuleView.of(rules.get(RuleKind.TIME_RULE, id, actor));
    }

    @Operation(summary = "Replaces the trigger; version guards")
    @PutMapping("/api/v1/triggers/{id}")
    RuleView updateTrigger(@PathVariable long id, @Valid @RequestBody RuleRequest request, Actor actor) {
        return RuleView.of(rules.update(RuleKind.TRIGGER, id, request.toDraft(), actor));
    }

    @Operation(summary = "Replaces the time rule; version guards")
    @PutMapping("/api/v1/time-rules/{id}")
    RuleView updateTimeRule(@PathVariable long id, @Valid @RequestBody RuleRequest request, Actor actor) {
        return RuleView.of(rules.update(RuleKind.TIME_RULE, id, request.toDraft(), actor));
    }

    @DeleteMapping("/api/v1/triggers/{id}")
    ResponseEntity<Void> deleteTrigger(@PathVariable long id, Actor actor) {
        rules.delete(RuleKind.TRIGGER, id, actor);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/time-rules/{id}")
    ResponseEntity<Void> deleteTimeRule(@PathVariable long id, Actor actor) {
        rules.delete(RuleKind.TIME_RULE, id, actor);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Which triggers listening to the event would fire on the ticket as it is now, and why (each"
                    + " condition's outcome); changes are what the event is supposed to have changed. Changes nothing")
    @PostMapping("/api/v1/triggers/dry-run")
    DryRunView dryRun(@Valid @RequestBody DryRunRequest request, Actor actor) {
        return new DryRunView(rules.dryRun(request.ticketId(), request.event(), request.supposed(), actor).stream()
                .map(VerdictView::of)
                .toList());
    }

    private static ResponseEntity<RuleView> created(String path, io.safaridesk.domain.automation.AutomationRule rule) {
        return ResponseEntity.created(URI.create(path + rule.id())).body(RuleView.of(rule));
    }
}
