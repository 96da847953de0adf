package io.safaridesk.domain.automation;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.domain.sla.Calendars;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.StatusCategory;
import io.safaridesk.domain.ticket.Tags;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a rule as a client sends it and answers it normalised, or every problem at once as a 422 naming the field
 * ({@code conditions[1].value}, {@code actions[0].type}, ...). The fields, operators and actions are documented in
 * {@code docs/reference/automation.md}.
 */
@Component
class RuleChecks {

    static final int MAX_CONDITIONS = 50;
    static final int MAX_ACTIONS = 20;
    static final int MAX_NOTE = 200_000;
    /** A year: a longer wait is a mistake. */
    static final int MAX_HOURS = 24 * 366;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DOMAIN =
            Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

    private static final List<String> EQUALITY = List.of("is", "is_not");
    private static final List<String> CHANGES = List.of("is", "is_not", "changed", "changed_from", "changed_to");
    private static final List<String> CONTAINS = List.of("contains", "not_contains");

    /** The fields of conditions and the operators each takes. */
    static final Map<String, List<String>> OPERATORS = Map.ofEntries(
            Map.entry("status", CHANGES),
            Map.entry("status_category", EQUALITY),
            Map.entry("priority", CHANGES),
            Map.entry("channel", EQUALITY),
            Map.entry("department_id", CHANGES),
            Map.entry("assignee_id", CHANGES),
            Map.entry("tags", CONTAINS),
            Map.entry("requester_domain", EQUALITY),
            Map.entry("subject", CONTAINS),
            Map.entry("business_hours", List.of("is")),
            Map.entry("hours_since_created", List.of("greater_than")),
            Map.entry("hours_since_updated", List.of("greater_than")),
            Map.entry("hours_since_status_changed", List.of("greater_than")),
            Map.entry("hours_since_assignee_changed", List.of("greater_than")));

    static final Set<String> ELAPSED = Set.of(
            "hours_since_created", "hours_since_updated", "hours_since_status_changed", "hours_since_assignee_changed");

    static final List<String> ACTIONS = List.of(
            "set_status",
            "set_priority",
            "assign",
            "set_department",
            "add_tags",
            "remove_tags",
            "add_watcher",
            "add_note",
            "call_webhook");

    private final TicketStatuses statuses;
    private final Agents agents;
    private final Departments departments;
    private final Calendars calendars;
    private final Webhooks webhooks;

    RuleChecks(
            TicketStatuses statuses, Agents agents, Departments departments, Calendars calendars, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.statuses = statuses;
        this.agents = agents;
        this.departments = departments;
        this.calendars = calendars;
    }

    /** The rule as sent; {@code events} only for triggers. */
    AutomationRule.Content check(
            RuleKind kind, String name, Boolean enabled, List<String> events, JsonNode conditions, JsonNode actions) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (cleanName.length() > 200) {
            problems.add(new FieldProblem("name", "is longer than 200 characters"));
        }
        List<TriggerEvent> checkedEvents = new ArrayList<>();
        if (kind == RuleKind.TRIGGER) {
            if (events == null || events.isEmpty()) {
                problems.add(new FieldProblem("events", "is required: the events the trigger runs on"));
            } else {
                for (int i = 0; i < events.size(); i++) {
                    try {
                        TriggerEvent event = TriggerEvent.of("events[" + i + "]", events.get(i));
                        if (!checkedEvents.contains(event)) {
                            checkedEvents.add(event);
                        }
                    } catch (ApiProblem.InvalidInput e) {
                        problems.addAll(e.fields());
                    }
                }
            }
        } else if (events != null && !events.isEmpty()) {
            problems.add(new FieldProblem("events", "is only for triggers: a time rule runs on the sweep"));
        }
        List<Condition> checkedConditions = conditions(kind, conditions, problems);
        List<RuleAction> checkedActions = actions(actions, problems);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new AutomationRule.Content(
                cleanName, enabled == null || enabled, checkedEvents, checkedConditions, checkedActions);
    }

    private List<Condition> conditions(RuleKind kind, JsonNode conditions, List<FieldProblem> problems) {
        List<Condition> checked = new ArrayList<>();
        if (conditions == null || conditions.isNull() || conditions.isMissingNode()) {
            if (kind == RuleKind.TIME_RULE) {
                problems.add(new FieldProblem("conditions", "needs an elapsed-time condition (hours_since_...)"));
            }
            return checked;
        }
        if (!conditions.isArray()) {
            problems.add(new FieldProblem("conditions", "must be a list"));
            return checked;
        }
        if (conditions.size() > MAX_CONDITIONS) {
            problems.add(new FieldProblem("conditions", "has more than " + MAX_CONDITIONS + " conditions"));
            return checked;
        }
        for (int i = 0; i < conditions.size(); i++) {
            String at = "conditions[" + i + "]";
            JsonNode node = conditions.get(i);
            if (!node.isObject()) {
                problems.add(new FieldProblem(at, "must be an object {field, operator, value}"));
                continue;
            }
            String field = text(node.get("field"));
            String operator = text(node.get("operator"));
            List<String> operators = field == null ? null : OPERATORS.get(field);
            if (operators == null) {
                problems.add(new FieldProblem(
                        at + ".field",
                        "is not one of " + OPERATORS.keySet().stream().sorted().toList()));
                continue;
            }
            if (operator == null || !operators.contains(operator)) {
                problems.add(new FieldProblem(at + ".operator", "is not one of " + operators + " for " + field));
                continue;
            }
            if (kind == RuleKind.TIME_RULE && operator.startsWith("changed")) {
                problems.add(new FieldProblem(at + ".operator", "is only for triggers: a time rule sees no event"));
                continue;
            }
            if (kind == RuleKind.TRIGGER && ELAPSED.contains(field)) {
                problems.add(new FieldProblem(at + ".field", "is only for time rules"));
                continue;
            }
            Long calendarId = node.path("calendar_id").isIntegralNumber()
                    ? node.get("calendar_id").asLong()
                    : null;
            if (node.has("calendar_id") && !node.get("calendar_id").isNull() && calendarId == null) {
                problems.add(new FieldProblem(at + ".calendar_id", "must be a calendar id"));
                continue;
            }
            if (field.equals("business_hours") && calendarId == null) {
                problems.add(new FieldProblem(at + ".calendar_id", "is required: the calendar whose hours count"));
                continue;
            }
            if (calendarId != null) {
                if (!field.equals("business_hours") && !ELAPSED.contains(field)) {
                    problems.add(
                            new FieldProblem(at + ".calendar_id", "is only for business_hours and hours_since_..."));
                    continue;
                }
                try {
                    calendars.get(calendarId);
                } catch (ApiProblem e) {
                    problems.add(new FieldProblem(at + ".calendar_id", "names no calendar of this workspace"));
                    continue;
                }
            }
            try {
                JsonNode value =
                        operator.equals("changed") ? NODES.nullNode() : value(field, at + ".value", node.get("value"));
                checked.add(new Condition(field, operator, value, calendarId));
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        if (kind == RuleKind.TIME_RULE && checked.stream().noneMatch(c -> ELAPSED.contains(c.field()))) {
            problems.add(new FieldProblem("conditions", "needs an elapsed-time condition (hours_since_...)"));
        }
        return checked;
    }

    /** A condition's value, normalised: what {@link RuleFacts} compares. */
    private JsonNode value(String field, String at, JsonNode value) {
        return switch (field) {
            case "status" ->
                NODES.numberNode(statuses.named(at, required(at, value)).id());
            case "status_category" ->
                NODES.stringNode(StatusCategory.of(at, required(at, value)).name());
            case "priority" ->
                NODES.stringNode(Priority.of(at, required(at, value)).name());
            case "channel" ->
                NODES.stringNode(Channel.of(at, required(at, value)).name());
            case "department_id" -> {
                Long id = optionalId(at, value);
                if (id != null && !departments.missing(List.of(id)).isEmpty()) {
                    throw ApiProblem.invalidField(at, "names no department of this workspace");
                }
                yield id == null ? NODES.nullNode() : NODES.numberNode(id);
            }
            case "assignee_id" -> {
                Long id = optionalId(at, value);
                if (id != null && agents.find(id).isEmpty()) {
                    throw ApiProblem.invalidField(at, "names no agent of this workspace");
                }
                yield id == null ? NODES.nullNode() : NODES.numberNode(id);
            }
            case "tags" -> {
                var array = NODES.arrayNode();
                tags(at, value).forEach(array::add);
                yield array;
            }
            case "requester_domain" -> {
                String domain = required(at, value).toLowerCase(Locale.ROOT);
                if (!DOMAIN.matcher(domain).matches()) {
                    throw ApiProblem.invalidField(at, "is not a domain name (example.com)");
                }
                yield NODES.stringNode(domain);
            }
            case "subject" -> {
                String text = required(at, value);
                if (text.length() > 200) {
                    throw ApiProblem.invalidField(at, "is longer than 200 characters");
                }
                yield NODES.stringNode(text);
            }
            case "business_hours" -> {
                if (value == null || !value.isBoolean()) {
                    throw ApiProblem.invalidField(at, "must be true or false");
                }
                yield value;
            }
            default -> {
                if (value == null || !value.isNumber() || value.asDouble() <= 0 || value.asDouble() > MAX_HOURS) {
                    throw ApiProblem.invalidField(at, "must be a number of hours above 0 and at most " + MAX_HOURS);
                }
                yield NODES.numberNode(value.asDouble());
            }
        };
    }

    private List<RuleAction> actions(JsonNode actions, List<FieldProblem> problems) {
        List<RuleAction> checked = new ArrayList<>();
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            problems.add(new FieldProblem("actions", "is required: a list of at least one action"));
            return checked;
        }
        if (actions.size() > MAX_ACTIONS) {
            problems.add(new FieldProblem("actions", "has more than " + MAX_ACTIONS + " actions"));
            return checked;
        }
        for (int i = 0; i < actions.size(); i++) {
            String at = "actions[" + i + "]";
            JsonNode node = actions.get(i);
            String type = node.isObject() ? text(node.get("type")) : null;
            if (type == null || !ACTIONS.contains(type)) {
                problems.add(new FieldProblem(at + ".type", "is not one of " + ACTIONS));
                continue;
            }
            try {
                checked.add(new RuleAction(type, actionValue(type, at + ".value", node.get("value"))));
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        return checked;
    }

    private JsonNode actionValue(String type, String at, JsonNode value) {
        return switch (type) {
            case "set_status" ->
                NODES.numberNode(statuses.named(at, required(at, value)).id());
            case "set_priority" ->
                NODES.stringNode(Priority.of(at, required(at, value)).name());
            case "assign", "add_watcher" -> {
                Long id = optionalId(at, value);
                if (id == null || agents.find(id).filter(Agent::active).isEmpty()) {
                    throw ApiProblem.invalidField(at, "names no active agent of this workspace");
                }
                yield NODES.numberNode(id);
            }
            case "set_department" -> {
                Long id = optionalId(at, value);
                if (id == null || !departments.missing(List.of(id)).isEmpty()) {
                    throw ApiProblem.invalidField(at, "names no department of this workspace");
                }
                yield NODES.numberNode(id);
            }
            case "call_webhook" -> {
                Long id = optionalId(at, value);
                if (id == null || !webhookExists(id)) {
                    throw ApiProblem.invalidField(at, "names no webhook of this workspace");
                }
                yield NODES.numberNode(id);
            }
            case "add_tags", "remove_tags" -> {
                List<String> tags = tags(at, value);
                if (tags.isEmpty()) {
                    throw ApiProblem.invalidField(at, "names no tag");
                }
                var array = NODES.arrayNode();
                tags.forEach(array::add);
                yield array;
            }
            default -> {
                String html = required(at, value);
                if (html.length() > MAX_NOTE) {
                    throw ApiProblem.invalidField(at, "is longer than " + MAX_NOTE + " characters");
                }
                yield NODES.stringNode(html);
            }
        };
    }

    private boolean webhookExists(long id) {
        try {
            webhooks.get(id);
            return true;
        } catch (ApiProblem e) {
            return false;
        }
    }

    private static List<String> tags(String at, JsonNode value) {
        List<String> raw = new ArrayList<>();
        if (value != null && value.isString()) {
            raw.add(value.asString());
        } else if (value != null && value.isArray() && value.size() <= 20) {
            for (JsonNode tag : value) {
                if (!tag.isString()
                        || tag.asString().isBlank()
                        || tag.asString().length() > 50) {
                    throw ApiProblem.invalidField(at, "must be tags of 1 to 50 characters");
                }
                raw.add(tag.asString());
            }
        } else {
            throw ApiProblem.invalidField(at, "must be a tag or a list of at most 20 tags");
        }
        return List.copyOf(new LinkedHashSet<>(Tags.normalise(raw)));
    }

    private static String required(String at, JsonNode value) {
        String text =
                value == null ? null : value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalidField(at, "is required");
        }
        return text.strip();
    }

    private static Long optionalId(String at, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() <= 0) {
            throw ApiProblem.invalidField(at, "must be an id or null");
        }
        return value.asLong();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString().strip().toLowerCase(Locale.ROOT) : null;
    }
}
