package io.safaridesk.helpdesk.automation.web;

import io.safaridesk.domain.automation.AutomationRule;
import io.safaridesk.domain.automation.AutomationRules;
import io.safaridesk.domain.automation.Condition;
import io.safaridesk.domain.automation.RuleAction;
import io.safaridesk.domain.automation.TriggerEvent;
import java.time.Instant;
import java.util.List;

/** The answers of the trigger and time-rule endpoints. */
final class AutomationViews {

    private AutomationViews() {}

    record RuleView(
            long id,
            String name,
            boolean enabled,
            int position,
            List<String> events,
            List<Condition> conditions,
            List<RuleAction> actions,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static RuleView of(AutomationRule rule) {
            return new RuleView(
                    rule.id(),
                    rule.name(),
                    rule.enabled(),
                    rule.position(),
                    rule.events().stream().map(TriggerEvent::label).toList(),
                    rule.conditions(),
                    rule.actions(),
                    rule.createdAt(),
                    rule.updatedAt(),
                    rule.version());
        }
    }

    record RulePage(List<RuleView> items, String nextCursor) {

        static RulePage of(AutomationRules.Page page) {
            return new RulePage(page.rules().stream().map(RuleView::of).toList(), page.nextCursor());
        }
    }

    record DryRunView(List<VerdictView> triggers) {}

    record VerdictView(long triggerId, String name, int position, boolean wouldFire, List<ConditionView> conditions) {

        static VerdictView of(AutomationRules.Verdict verdict) {
            return new VerdictView(
                    verdict.trigger().id(),
                    verdict.trigger().name(),
                    verdict.trigger().position(),
                    verdict.wouldFire(),
                    verdict.conditions().stream()
                            .map(c -> new ConditionView(
                                    c.condition().field(),
                                    c.condition().operator(),
                                    c.condition().value(),
                                    c.holds(),
                                    c.actual()))
                            .toList());
        }
    }

    record ConditionView(String field, String operator, Object value, boolean holds, String actual) {}
}
