package io.safaridesk.helpdesk.sla.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.sla.SlaPolicies;
import io.safaridesk.domain.sla.SlaPolicy;
import io.safaridesk.domain.sla.SlaTarget;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

@Tag(name = "SLA")
@RestController
@RequestMapping("/api/v1/sla/policies")
class SlaPolicyController {

    private final SlaPolicies policies;

    SlaPolicyController(SlaPolicies policies) {
        this.policies = policies;
    }

    record PolicyRequest(
            @NotBlank @Size(max = 100) String name,
            Long calendarId,
            Boolean active,
            @Valid ConditionsRequest conditions,
            @Size(max = 4) List<SlaPolicies.TargetDetails> targets,
            @Valid EscalationRequest escalation,
            Integer version) {

        SlaPolicies.Details toDetails() {
            return new SlaPolicies.Details(
                    name,
                    calendarId,
                    active,
                    conditions == null ? null : conditions.toConditions(),
                    targets,
                    escalation == null ? null : escalation.toEscalation(),
                    version);
        }
    }

    record ConditionsRequest(
            @Size(max = 4) List<String> priorities,
            @Size(max = 100) List<Long> departmentIds,
            @Size(max = 100) List<Long> categoryIds,
            @Size(max = 8) List<String> channels,
            @Size(max = 100) List<String> requesterDomains) {

        SlaPolicies.Conditions toConditions() {
            return new SlaPolicies.Conditions(priorities, departmentIds, categoryIds, channels, requesterDomains);
        }
    }

    record EscalationRequest(
            Boolean raisePriority,
            Long assigneeId,
            @Size(max = 50) List<Long> watcherIds) {

        SlaPolicies.Escalation toEscalation() {
            return new SlaPolicies.Escalation(raisePriority, assigneeId, watcherIds);
        }
    }

    record OrderRequest(@NotEmpty List<Long> policyIds) {}

    record ConditionsView(
            List<Priority> priorities,
            List<Long> departmentIds,
            List<Long> categoryIds,
            List<Channel> channels,
            List<String> requesterDomains) {}

    record TargetView(
            Priority priority, Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes) {

        static TargetView of(SlaTarget t) {
            return new TargetView(
                    t.priority(), t.firstResponseMinutes(), t.nextResponseMinutes(), t.resolutionMinutes());
        }
    }

    record EscalationView(boolean raisePriority, Long assigneeId, List<Long> watcherIds) {}

    record PolicyView(
            long id,
            String name,
            int position,
            boolean active,
            long calendarId,
            ConditionsView conditions,
            List<TargetView> targets,
            EscalationView escalation,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static PolicyView of(SlaPolicy p) {
            return new PolicyView(
                    p.id(),
                    p.name(),
                    p.position(),
                    p.active(),
                    p.calendarId(),
                    new ConditionsView(
                            p.priorities(), p.departmentIds(), p.categoryIds(), p.channels(), p.requesterDomains()),
                    p.targets().stream().map(TargetView::of).toList(),
                    new EscalationView(p.escalateRaisePriority(), p.escalateAssigneeId(), p.escalateWatcherIds()),
                    p.createdAt(),
                    p.updatedAt(),
                    p.version());
        }
    }

    @Operation(summary = "Every SLA policy in the order they are tried: the first active one that matches applies")
    @Callers({ADMIN, AGENT})
    @GetMapping
    List<PolicyView> list() {
        return policies.list().stream().map(PolicyView::of).toList();
    }

    @Callers({ADMIN, AGENT})
    @GetMapping("/{id}")
    PolicyView get(@PathVariable long id) {
        return PolicyView.of(policies.get(id));
    }

    @Operation(
            summary = "Adds a policy after the others: conditions (empty lists match any ticket), a calendar, business"
                    + " minutes per priority for first response, next response and resolution, and what a breach does")
    @Callers(ADMIN)
    @PostMapping
    ResponseEntity<PolicyView> create(@Valid @RequestBody PolicyRequest request) {
        PolicyView created = PolicyView.of(policies.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Replaces a policy and recomputes the clocks of the tickets running on it; version guards")
    @Callers(ADMIN)
    @PutMapping("/{id}")
    PolicyView update(@PathVariable long id, @Valid @RequestBody PolicyRequest request) {
        return PolicyView.of(policies.update(id, request.toDetails()));
    }

    @Operation(summary = "Deletes a policy; its tickets move to the next matching policy or their clocks stop")
    @Callers(ADMIN)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        policies.delete(id);
    }

    @Operation(summary = "Puts the policies in this order; policy_ids must name each policy once")
    @Callers(ADMIN)
    @PutMapping("/order")
    List<PolicyView> reorder(@Valid @RequestBody OrderRequest request) {
        return policies.reorder(request.policyIds()).stream()
                .map(PolicyView::of)
                .toList();
    }
}
