package io.safaridesk.helpdesk.automation.web;

import io.safaridesk.domain.automation.AutomationRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The bodies the trigger and time-rule endpoints take. */
final class AutomationRequests {

    private AutomationRequests() {}

    /**
     * A trigger or time rule, whole (an update replaces it): conditions are {@code {field, operator, value,
     * calendar_id?}}, all of which must hold; actions {@code {type, value}}, run in order.
     */
    record RuleRequest(
            String name,
            Boolean enabled,
            @Positive Integer position,
            @Size(max = 20) List<String> events,
            JsonNode conditions,
            JsonNode actions,
            Integer version) {

        AutomationRules.Draft toDraft() {
            return new AutomationRules.Draft(name, enabled, position, events, conditions, actions, version);
        }
    }

    /** A dry run: the ticket, the event, and what the event is supposed to have changed. */
    record DryRunRequest(
            @Positive long ticketId,
            @NotBlank String event,
            @Size(max = 20) List<@Valid ChangeRequest> changes) {

        List<AutomationRules.SupposedChange> supposed() {
            return changes == null
                    ? List.of()
                    : changes.stream()
                            .map(c -> new AutomationRules.SupposedChange(c.field(), c.from(), c.to()))
                            .toList();
        }
    }

    record ChangeRequest(@NotBlank String field, String from, String to) {}
}
