package io.safaridesk.domain.ticket;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's assignment rules, in the order they run on new tickets (see {@link AssignmentRule}). Every condition
 * and action is checked when it is stored: an unknown field, operator or type, a bad enum value or an id that names
 * nothing of the workspace is a 422 naming it ({@code conditions[0].value}).
 */
@Component
@Transactional
public class AssignmentRules {

    static final int MAX_ENTRIES = 20;
    private static final Set<String> EXACT_FIELDS = Set.of("channel", "priority", "category", "requester_domain");
    private static final Set<String> TEXT_FIELDS = Set.of("subject", "body", "subject_or_body");
    private static final Set<String> ACTION_TYPES =
            Set.of("set_department", "set_agent", "set_priority", "set_category", "add_tags");

    private final AssignmentRuleRepository repository;
    private final Departments departments;
    private final Agents agents;
    private final TicketCategories categories;
    private final Clock clock;

    AssignmentRules(
            AssignmentRuleRepository repository,
            Departments departments,
            Agents agents,
            TicketCategories categories,
            Clock clock) {
        this.repository = repository;
        this.departments = departments;
        this.agents = agents;
        this.categories = categories;
        this.clock = clock;
    }

    /** A rule as an admin writes it; raw input, checked and normalised here. Null {@code active}: true. */
    public record Details(
            String name,
            Boolean active,
            Boolean stopOnMatch,
            List<AssignmentRule.Condition> conditions,
            List<AssignmentRule.Action> actions,
            Integer version) {}

    /** Every rule, inactive ones too, in the order they run. */
    @Transactional(readOnly = true)
    public List<AssignmentRule> list() {
        return repository.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public AssignmentRule get(long id) {
        return repository.findById(id).orElseThrow(() -> RuleNotFound.forId(id));
    }

    /** A new rule, run after the existing ones. */
    public AssignmentRule create(Details details) {
        int position = list().stream().mapToInt(AssignmentRule::position).max().orElse(0) + 1;
        return repository.saveAndFlush(AssignmentRule.create(checked(details), position, clock.instant()));
    }

    public AssignmentRule update(long id, Details details) {
        AssignmentRule rule = get(id);
        if (details.version() != null && details.version() != rule.version()) {
            throw new ObjectOptimisticLockingFailureException(AssignmentRule.class, id);
        }
        rule.define(checked(details), clock.instant());
        return repository.saveAndFlush(rule);
    }

    public void delete(long id) {
        repository.delete(get(id));
    }

    /** Puts the rules in the order of {@code ids}, which must name every rule once. */
    public List<AssignmentRule> reorder(List<Long> ids) {
        Map<Long, AssignmentRule> byId =
                list().stream().collect(Collectors.toMap(AssignmentRule::id, Function.identity()));
        if (ids.size() != byId.size() || !byId.keySet().equals(new HashSet<>(ids))) {
            throw ApiProblem.invalidField("rule_ids", "must name every assignment rule exactly once");
        }
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i++) {
            byId.get(ids.get(i)).moveTo(i + 1, now);
        }
        repository.flush();
        return list();
    }

    private AssignmentRule.Definition checked(Details details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.name() == null || details.name().isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        }
        List<AssignmentRule.Condition> conditions = details.conditions() == null ? List.of() : details.conditions();
        List<AssignmentRule.Action> actions = details.actions() == null ? List.of() : details.actions();
        if (conditions.size() > MAX_ENTRIES) {
            problems.add(new FieldProblem("conditions", "may hold at most " + MAX_ENTRIES + " conditions"));
        }
        if (actions.isEmpty() || actions.size() > MAX_ENTRIES) {
            problems.add(new FieldProblem("actions", "must hold 1 to " + MAX_ENTRIES + " actions"));
        }
        List<AssignmentRule.Condition> checkedConditions = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            checkedConditions.add(condition("conditions[" + i + "]", conditions.get(i), problems));
        }
        List<AssignmentRule.Action> checkedActions = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            checkedActions.add(action("actions[" + i + "]", actions.get(i), problems));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new AssignmentRule.Definition(
                details.name().strip(),
                details.active() == null || details.active(),
                details.stopOnMatch() == null || details.stopOnMatch(),
                checkedConditions,
                checkedActions,
                details.version());
    }

    private AssignmentRule.Condition condition(
            String at, AssignmentRule.Condition condition, List<FieldProblem> problems) {
        if (condition == null) {
            problems.add(new FieldProblem(at, "is required"));
            return null;
        }
        String field = lower(condition.field());
        String operator = lower(condition.operator());
        if (!EXACT_FIELDS.contains(field) && !TEXT_FIELDS.contains(field)) {
            problems.add(new FieldProblem(
                    at + ".field",
                    "is not one of channel, priority, category, requester_domain, subject, body, subject_or_body"));
            return condition;
        }
        Set<String> operators =
                EXACT_FIELDS.contains(field) ? Set.of("is", "is_not") : Set.of("contains", "not_contains");
        if (!operators.contains(operator)) {
            problems.add(new FieldProblem(
                    at + ".operator",
                    "is not one of "
                            + String.join(", ", operators.stream().sorted().toList())));
        }
        List<String> values = values(at + ".value", condition.value(), problems);
        List<String> normal = new ArrayList<>();
        for (String value : values) {
            normal.add(
                    switch (field) {
                        case "channel" -> enumValue(Channel.class, value, at + ".value", problems);
                        case "priority" -> enumValue(Priority.class, value, at + ".value", problems);
                        case "category" -> category(value, at + ".value", problems);
                        case "requester_domain" -> domain(value, at + ".value", problems);
                        default -> value;
                    });
        }
        return new AssignmentRule.Condition(field, operator, String.join(",", normal));
    }

    private AssignmentRule.Action action(String at, AssignmentRule.Action action, List<FieldProblem> problems) {
        if (action == null) {
            problems.add(new FieldProblem(at, "is required"));
            return null;
        }
        String type = lower(action.type());
        if (!ACTION_TYPES.contains(type)) {
            problems.add(new FieldProblem(
                    at + ".type", "is not one of set_department, set_agent, set_priority, set_category, add_tags"));
            return action;
        }
        List<String> values = values(at + ".value", action.value(), problems);
        if (values.isEmpty()) {
            return action;
        }
        if (!type.equals("add_tags") && values.size() > 1) {
            problems.add(new FieldProblem(at + ".value", "must be one value"));
            return action;
        }
        String value = values.getFirst();
        String normal = switch (type) {
            case "set_department" -> department(value, at + ".value", problems);
            case "set_agent" -> agent(value, at + ".value", problems);
            case "set_priority" -> enumValue(Priority.class, value, at + ".value", problems);
            case "set_category" -> category(value, at + ".value", problems);
            default -> tags(values, at + ".value", problems);
        };
        return new AssignmentRule.Action(type, normal);
    }

    private static List<String> values(String at, String value, List<FieldProblem> problems) {
        List<String> values = value == null ? List.of() : AssignmentRule.values(value);
        if (values.isEmpty()) {
            problems.add(new FieldProblem(at, "is required"));
        } else if (value.length() > 2000) {
            problems.add(new FieldProblem(at, "must be at most 2000 characters"));
        }
        return values;
    }

    private static <E extends Enum<E>> String enumValue(
            Class<E> type, String value, String at, List<FieldProblem> problems) {
        try {
            return EnumValues.parse(type, at, value).name();
        } catch (ApiProblem.InvalidInput e) {
            problems.addAll(e.fields());
            return value;
        }
    }

    private String category(String value, String at, List<FieldProblem> problems) {
        Optional<Long> id = id(value);
        if (id.isEmpty() || categories.list().stream().noneMatch(c -> c.id().equals(id.get()))) {
            problems.add(new FieldProblem(at, "names no category of this workspace"));
        }
        return value;
    }

    private String department(String value, String at, List<FieldProblem> problems) {
        Optional<Long> id = id(value);
        if (id.isEmpty() || !departments.missing(List.of(id.get())).isEmpty()) {
            problems.add(new FieldProblem(at, "names no department of this workspace"));
        }
        return value;
    }

    private String agent(String value, String at, List<FieldProblem> problems) {
        Optional<Agent> agent = id(value).flatMap(agents::find);
        if (agent.isEmpty()) {
            problems.add(new FieldProblem(at, "names no agent of this workspace"));
        } else if (!agent.get().active()) {
            problems.add(new FieldProblem(at, "names an inactive agent"));
        }
        return value;
    }

    private static String domain(String value, String at, List<FieldProblem> problems) {
        String domain = value.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            problems.add(new FieldProblem(at, "is not an email domain such as example.com"));
        }
        return domain;
    }

    private static String tags(List<String> values, String at, List<FieldProblem> problems) {
        if (values.size() > 20 || values.stream().anyMatch(tag -> tag.length() > 50)) {
            problems.add(new FieldProblem(at, "must be at most 20 tags of at most 50 characters"));
        }
        return String.join(",", Tags.normalise(values));
    }

    private static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    /** No assignment rule with this id in the workspace. */
    public static final class RuleNotFound extends ApiProblem {
        private RuleNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "assignment-rule-not-found", "No assignment rule " + id);
        }

        static RuleNotFound forId(long id) {
            return new RuleNotFound(id);
        }
    }
}
