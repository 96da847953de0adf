package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.ticket.AssignmentRule;
import io.safaridesk.domain.ticket.AssignmentRules;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Assignment rules")
@RestController
@RequestMapping("/api/v1/assignment-rules")
class AssignmentRuleController {

    private final AssignmentRules rules;

    AssignmentRuleController(AssignmentRules rules) {
        this.rules = rules;
    }

    record RuleRequest(
            @NotBlank @Size(max = 200) String name,
            Boolean active,
            Boolean stopOnMatch,
            List<AssignmentRule.Condition> conditions,
            List<AssignmentRule.Action> actions,
            Integer version) {

        AssignmentRules.Details toDetails() {
            return new AssignmentRules.Details(name, active, stopOnMatch, conditions, actions, version);
        }
    }

    record OrderRequest(@NotNull List<@NotNull Long> ruleIds) {}

    record RuleView(
            long id,
            String name,
            int position,
            boolean active,
            boolean stopOnMatch,
            List<AssignmentRule.Condition> conditions,
            List<AssignmentRule.Action> actions,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static RuleView of(AssignmentRule r) {
            return new RuleView(
                    r.id(),
                    r.name(),
                    r.position(),
                    r.active(),
                    r.stopOnMatch(),
                    r.conditions(),
                    r.actions(),
                    r.createdAt(),
                    r.updatedAt(),
                    r.version());
        }

        static List<RuleView> of(List<AssignmentRule> rules) {
            return rules.stream().map(RuleView::of).toList();
        }
    }

    @Operation(summary = "Every assignment rule, in the order they run on new tickets")
    @GetMapping
    List<RuleView> list() {
        return RuleView.of(rules.list());
    }

    @GetMapping("/{id}")
    RuleView get(@PathVariable long id) {
        return RuleView.of(rules.get(id));
    }

    @Operation(
            summary = "Adds a rule after the existing ones: conditions (all must hold) and actions;"
                    + " stop_on_match (default true) ends the run when the rule matches")
    @PostMapping
    ResponseEntity<RuleView> create(@Valid @RequestBody RuleRequest request) {
        RuleView created = RuleView.of(rules.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/assignment-rules/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Replaces a rule's definition; a stale version is a 409")
    @PutMapping("/{id}")
    RuleView update(@PathVariable long id, @Valid @RequestBody RuleRequest request) {
        return RuleView.of(rules.update(id, request.toDetails()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rules.delete(id);
    }

    @Operation(summary = "Puts the rules in this order; rule_ids must name every rule once")
    @PutMapping("/order")
    List<RuleView> reorder(@Valid @RequestBody OrderRequest request) {
        return RuleView.of(rules.reorder(request.ruleIds()));
    }
}
