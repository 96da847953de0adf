package io.safaridesk.worker.automation;

import io.safaridesk.domain.automation.AutomationRule;
import io.safaridesk.domain.automation.AutomationRules;
import io.safaridesk.domain.automation.RuleKind;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rules made through the facade the API uses, in a worker test's workspace. */
final class AutomationTestSupport {

    private AutomationTestSupport() {}

    static JsonNode json(String json) {
        return JsonMapper.shared().readTree(json.replace('\'', '"'));
    }

    static AutomationRule trigger(
            AutomationRules rules,
            WorkerTestWorkspace workspace,
            Actor admin,
            String name,
            List<String> events,
            String conditions,
            String actions) {
        return workspace.inTransaction(() -> rules.create(
                RuleKind.TRIGGER,
                new AutomationRules.Draft(name, true, null, events, json(conditions), json(actions), null),
                admin));
    }

    static AutomationRule timeRule(
            AutomationRules rules,
            WorkerTestWorkspace workspace,
            Actor admin,
            String name,
            String conditions,
            String actions) {
        return workspace.inTransaction(() -> rules.create(
                RuleKind.TIME_RULE,
                new AutomationRules.Draft(name, true, null, null, json(conditions), json(actions), null),
                admin));
    }
}
