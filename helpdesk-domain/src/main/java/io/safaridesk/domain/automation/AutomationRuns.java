package io.safaridesk.domain.automation;

import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.macro.MacroActions;
import io.safaridesk.domain.macro.MacroRuns;
import io.safaridesk.domain.sla.BusinessTimeCalculator;
import io.safaridesk.domain.sla.Calendars;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.domain.ticket.TicketWatchers;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the workspace's triggers on a ticket event and its time rules on a sweep (the workspace in context). Each rule
 * that acts on a ticket does so in a transaction of its own: one {@code automation_firings} row first (unique per
 * rule, ticket and event chain / condition episode, so a rule acts once, also with two workers), one history entry
 * naming the rule, then its actions in order through the ticket operations agents use (the field changes through
 * {@link MacroRuns#change}, the macro engine's action half). An action the ticket refuses undoes the rule's other
 * actions and is recorded as a {@code FAILED} firing; nothing else is retried for it.
 *
 * <p>Loops: the events a trigger's actions cause carry the chain of the event that set it off, one level deeper. A
 * trigger fires at most once per ticket and chain, and events deeper than {@code safaridesk.automation.max-depth}
 * (default 5) set no trigger off.
 */
@Component
public class AutomationRuns {

    private static final Logger log = LoggerFactory.getLogger(AutomationRuns.class);
    private static final int PAGE = 200;

    /** The type of the messages the {@code call_webhook} action sends. */
    public static final String WEBHOOK_TYPE = "automation.fired";

    @PersistenceContext
    private EntityManager entityManager;

    private final AutomationRuleRepository rules;
    private final Tickets tickets;
    private final TicketStatuses statuses;
    private final Contacts contacts;
    private final MacroRuns macroRuns;
    private final TicketWatchers watchers;
    private final TicketConversation conversation;
    private final Calendars calendars;
    private final Webhooks webhooks;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final int maxDepth;

    AutomationRuns(
            AutomationRuleRepository rules,
            Tickets tickets,
            TicketStatuses statuses,
            Contacts contacts,
            MacroRuns macroRuns,
            TicketWatchers watchers,
            TicketConversation conversation,
            Calendars calendars,
            Webhooks webhooks,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${safaridesk.automation.max-depth:5}") int maxDepth) {
        this.rules = rules;
        this.tickets = tickets;
        this.statuses = statuses;
        this.contacts = contacts;
        this.macroRuns = macroRuns;
        this.watchers = watchers;
        this.conversation = conversation;
        this.calendars = calendars;
        this.webhooks = webhooks;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.maxDepth = maxDepth;
    }

    /** The chain an event belongs to and how deep in it the event is (0: not caused by a rule). */
    record Chain(String key, int depth) {}

    /**
     * Runs the triggers listening to this event (message id, type, payload as the outbox carries it) on its ticket;
     * answers how many acted. Call it outside a transaction: each trigger that acts commits on its own.
     */
    public int onEvent(UUID messageId, String type, JsonNode payload) {
        long ticketId = payload.path("ticket_id").asLong(0);
        if (!TriggerEvent.relevant(type) || ticketId == 0) {
            return 0;
        }
        List<AutomationRule> listening = readOnly.execute(status -> rules.enabled(RuleKind.TRIGGER).stream()
                .filter(rule -> rule.events().stream().anyMatch(event -> event.matches(type, payload)))
                .toList());
        if (listening.isEmpty()) {
            return 0;
        }
        Chain chain = readOnly.execute(status -> chainOf(messageId));
        if (chain.depth() >= maxDepth) {
            log.warn(
                    "Event {} {} of ticket {} is {} triggers deep: no trigger runs on it",
                    type,
                    messageId,
                    ticketId,
                    chain.depth());
            return 0;
        }
        Map<String, RuleFacts.Change> changes = changes(type, payload);
        int fired = 0;
        for (AutomationRule trigger : listening) {
            if (fire(trigger, ticketId, t -> chain.key(), chain.depth(), changes, false)) {
                fired++;
            }
        }
        return fired;
    }

    /**
     * Runs every enabled time rule over the tickets that meet it, acting at most {@code budget} times in all; answers
     * how many times rules acted. A ticket another worker holds is left for the next sweep.
     */
    public int sweep(int budget) {
        transaction.executeWithoutResult(status -> entityManager
                .createNativeQuery("delete from automation_caused_events where created_at < now() - interval '7 days'")
                .executeUpdate());
        List<AutomationRule> timeRules = readOnly.execute(status -> rules.enabled(RuleKind.TIME_RULE));
        int fired = 0;
        for (AutomationRule rule : timeRules) {
            long after = 0;
            while (fired < budget) {
                long from = after;
                List<Long> candidates = readOnly.execute(status -> candidates(rule, from));
                for (long ticketId : candidates) {
                    if (fired >= budget) {
                        break;
                    }
                    if (fire(rule, ticketId, facts -> episode(rule, facts), 0, Map.of(), true)) {
                        fired++;
                    }
                }
                if (candidates.size() < PAGE) {
                    break;
                }
                after = candidates.getLast();
            }
        }
        return fired;
    }

    /** Each condition of each trigger listening to {@code event}, evaluated on the ticket as it is now. */
    List<DryRun> dryRun(Ticket ticket, TriggerEvent event, Map<String, RuleFacts.Change> changes) {
        RuleFacts facts = facts(ticket, changes);
        List<DryRun> answers = new ArrayList<>();
        for (AutomationRule trigger : rules.enabled(RuleKind.TRIGGER)) {
            if (trigger.events().contains(event)) {
                List<RuleFacts.Outcome> outcomes = facts.evaluate(trigger.conditions());
                answers.add(new DryRun(trigger, RuleFacts.allHold(outcomes), outcomes));
            }
        }
        return answers;
    }

    /** Whether a trigger would fire, and each condition's outcome. */
    record DryRun(AutomationRule trigger, boolean wouldFire, List<RuleFacts.Outcome> outcomes) {}

    private boolean fire(
            AutomationRule rule,
            long ticketId,
            Function<RuleFacts, String> episode,
            int depth,
            Map<String, RuleFacts.Change> changes,
            boolean skipLocked) {
        Actor actor = actorFor(rule);
        String[] key = new String[1];
        try {
            Boolean acted = transaction.execute(status -> {
                if (!lock(ticketId, skipLocked)) {
                    return false;
                }
                Ticket ticket = tickets.get(ticketId, actor);
                if (ticket.mergedIntoId() != null || ticket.trashed()) {
                    return false;
                }
                RuleFacts facts = facts(ticket, changes);
                if (!RuleFacts.allHold(facts.evaluate(rule.conditions()))) {
                    return false;
                }
                key[0] = episode.apply(facts);
                if (!firing(rule, ticketId, key[0], depth, "APPLIED", null)) {
                    return false;
                }
                List<UUID> caused = DomainEvents.capturing(() -> act(rule, ticket, key[0], actor));
                for (UUID id : caused) {
                    entityManager
                            .createNativeQuery("insert into automation_caused_events (message_id, chain, depth)"
                                    + " values (:id, :chain, :depth) on conflict do nothing")
                            .setParameter("id", id)
                            .setParameter("chain", key[0])
                            .setParameter("depth", depth + 1)
                            .executeUpdate();
                }
                return true;
            });
            return Boolean.TRUE.equals(acted);
        } catch (Tickets.TicketNotFound gone) {
            return false;
        } catch (ApiProblem refused) {
            log.warn(
                    "{} {} could not act on ticket {}: {}",
                    rule.kind().label(),
                    rule.id(),
                    ticketId,
                    refused.getMessage());
            if (key[0] != null) {
                transaction.executeWithoutResult(
                        status -> firing(rule, ticketId, key[0], depth, "FAILED", refused.getMessage()));
            }
            return false;
        }
    }

    /** Runs the rule's actions in order, after one history entry naming it. */
    private void act(AutomationRule rule, Ticket start, String episode, Actor actor) {
        Ticket ticket = start;
        tickets.automationApplied(ticket.id(), rule.kind().label(), rule.name(), actor);
        for (RuleAction action : rule.actions()) {
            JsonNode value = action.value();
            switch (action.type()) {
                case "set_status" ->
                    ticket = macroRuns.change(ticket, fields(value.asLong(), null, null, null, null, null), actor);
                case "set_priority" ->
                    ticket = macroRuns.change(
                            ticket, fields(null, Priority.valueOf(value.asString()), null, null, null, null), actor);
                case "assign" ->
                    ticket = macroRuns.change(ticket, fields(null, null, value.asLong(), null, null, null), actor);
                case "set_department" ->
                    ticket = macroRuns.change(ticket, fields(null, null, null, value.asLong(), null, null), actor);
                case "add_tags" ->
                    ticket = macroRuns.change(ticket, fields(null, null, null, null, strings(value), null), actor);
                case "remove_tags" ->
                    ticket = macroRuns.change(ticket, fields(null, null, null, null, null, strings(value)), actor);
                case "add_watcher" -> watchers.add(ticket.id(), "actions", List.of(value.asLong()), actor);
                case "add_note" ->
                    conversation.note(
                            ticket.id(), new TicketConversation.Draft("actions", value.asString(), Channel.API), actor);
                case "call_webhook" -> call(value.asLong(), rule, ticket, episode);
                default -> throw new IllegalStateException("Unknown action " + action.type());
            }
        }
    }

    /**
     * Queues a message for the webhook ({@code automation.fired}, signed and retried like every webhook message); its
     * id is derived from the rule, ticket and chain or episode, so a retried firing sends nothing twice.
     */
    private void call(long webhookId, AutomationRule rule, Ticket ticket, String episode) {
        Instant now = clock.instant();
        UUID messageId = UUID.nameUUIDFromBytes(
                (rule.id() + ":" + ticket.id() + ":" + episode).getBytes(StandardCharsets.UTF_8));
        ObjectNode data = JsonMapper.shared().createObjectNode();
        data.put("rule_id", rule.id());
        data.put("rule_kind", rule.kind().label());
        data.put("rule_name", rule.name());
        data.put("ticket_id", ticket.id());
        data.put("number", ticket.number());
        data.put("status", statuses.get(ticket.statusId()).name());
        data.put("priority", ticket.priority().name());
        if (ticket.assigneeId() == null) {
            data.putNull("assignee_id");
        } else {
            data.put("assignee_id", ticket.assigneeId());
        }
        if (ticket.departmentId() == null) {
            data.putNull("department_id");
        } else {
            data.put("department_id", ticket.departmentId());
        }
        ArrayNode tags = data.putArray("tags");
        ticket.tags().forEach(tags::add);
        data.put("at", now.toString());
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("type", WEBHOOK_TYPE);
        body.put("timestamp", now.toString());
        body.put("workspace", TenantContext.current().value());
        body.set("data", data);
        webhooks.call(webhookId, messageId, WEBHOOK_TYPE, JsonMapper.shared().writeValueAsString(body));
    }

    private static MacroActions fields(
            Long statusId,
            Priority priority,
            Long assigneeId,
            Long departmentId,
            List<String> add,
            List<String> remove) {
        return new MacroActions(
                statusId,
                priority,
                assigneeId,
                departmentId,
                add == null ? List.of() : add,
                remove == null ? List.of() : remove);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    /**
     * Who a rule acts as: the system (no realm user, so events carry no actor) with an admin's reach, named after the
     * rule so that the history says which rule changed what.
     */
    static Actor actorFor(AutomationRule rule) {
        String name = (rule.kind() == RuleKind.TRIGGER ? "Trigger: " : "Time rule: ") + rule.name();
        return new Actor(null, name, Actor.Role.ADMIN, null, Set.of(), null);
    }

    private boolean lock(long ticketId, boolean skipLocked) {
        List<?> rows = entityManager
                .createNativeQuery(
                        "select id from tickets where id = :id for update" + (skipLocked ? " skip locked" : ""))
                .setParameter("id", ticketId)
                .getResultList();
        return !rows.isEmpty();
    }

    private boolean firing(
            AutomationRule rule, long ticketId, String episode, int depth, String outcome, String detail) {
        return entityManager
                        .createNativeQuery(
                                "insert into automation_firings (rule_id, ticket_id, episode, depth, outcome, detail)"
                                        + " values (:rule, :ticket, :episode, :depth, :outcome, :detail) on conflict do nothing")
                        .setParameter("rule", rule.id())
                        .setParameter("ticket", ticketId)
                        .setParameter("episode", episode)
                        .setParameter("depth", depth)
                        .setParameter("outcome", outcome)
                        .setParameter(
                                "detail",
                                detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
                        .executeUpdate()
                == 1;
    }

    private Chain chainOf(UUID messageId) {
        List<?> rows = entityManager
                .createNativeQuery("select chain, depth from automation_caused_events where message_id = :id")
                .setParameter("id", messageId)
                .getResultList();
        if (rows.isEmpty()) {
            return new Chain("event:" + messageId, 0);
        }
        Object[] row = (Object[]) rows.getFirst();
        return new Chain((String) row[0], ((Number) row[1]).intValue());
    }

    RuleFacts facts(Ticket ticket, Map<String, RuleFacts.Change> changes) {
        Object[] anchors = (Object[]) entityManager
                .createNativeQuery("select status_changed_at, assignee_changed_at from tickets where id = :id")
                .setParameter("id", ticket.id())
                .getSingleResult();
        Map<Long, Optional<BusinessTimeCalculator>> calendarCache = new HashMap<>();
        return new RuleFacts(
                ticket,
                statuses.get(ticket.statusId()),
                contacts.get(ticket.requesterId()).email(),
                instant(anchors[0]),
                instant(anchors[1]),
                changes,
                clock.instant(),
                id -> statuses.get(id).name(),
                id -> calendarCache.computeIfAbsent(id, this::calculator).orElse(null));
    }

    private Optional<BusinessTimeCalculator> calculator(long id) {
        try {
            return Optional.of(calendars.calculator(id));
        } catch (ApiProblem gone) {
            return Optional.empty();
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp " + value);
        };
    }

    /** What the event says changed, by condition field. */
    static Map<String, RuleFacts.Change> changes(String type, JsonNode payload) {
        Map<String, RuleFacts.Change> changes = new HashMap<>();
        switch (type) {
            case "ticket.status-changed" ->
                changes.put(
                        "status",
                        new RuleFacts.Change(text(payload.get("from_status")), text(payload.get("to_status"))));
            case "ticket.assigned" ->
                changes.put(
                        "assignee_id",
                        new RuleFacts.Change(
                                text(payload.get("previous_assignee_id")), text(payload.get("assignee_id"))));
            case "ticket.updated" ->
                payload.path("changes")
                        .forEach(change -> changes.put(
                                text(change.get("field")),
                                new RuleFacts.Change(text(change.get("old_value")), text(change.get("new_value")))));
            default -> {}
        }
        return changes;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    /** A time rule's episode on a ticket: when each of its elapsed times started. */
    static String episode(AutomationRule rule, RuleFacts facts) {
        List<String> parts = new ArrayList<>();
        for (Condition condition : rule.conditions()) {
            if (RuleChecks.ELAPSED.contains(condition.field())) {
                parts.add(condition.field() + "@"
                        + ChronoUnit.MICROS.between(Instant.EPOCH, facts.anchor(condition.field())));
            }
        }
        return String.join(";", parts);
    }

    /**
     * The next page of tickets (ids above {@code after}) that may meet a time rule: not closed, merged or trashed,
     * past every elapsed time by the wall clock (business time is never more), meeting its conditions on ticket columns,
     * and not yet acted on in their current episode. The conditions SQL cannot decide are checked in Java.
     */
    private List<Long> candidates(AutomationRule rule, long after) {
        StringBuilder sql = new StringBuilder(
                "select t.id from tickets t join ticket_statuses s on s.id = t.status_id"
                        + " where t.id > :after and t.merged_into_id is null and t.trashed_at is null and s.category <> 'CLOSED'");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", after);
        List<String> episode = new ArrayList<>();
        Instant now = clock.instant();
        int n = 0;
        for (Condition c : rule.conditions()) {
            String p = "p" + n++;
            boolean is = !c.operator().equals("is_not");
            switch (c.field()) {
                case "hours_since_created",
                        "hours_since_updated",
                        "hours_since_status_changed",
                        "hours_since_assignee_changed" -> {
                    String column = column(c.field());
                    sql.append(" and t.").append(column).append(" < :").append(p);
                    parameters.put(
                            p, Timestamp.from(now.minusSeconds((long) (c.value().asDouble() * 3600))));
                    episode.add("'" + c.field() + "@' || (extract(epoch from t." + column + ") * 1000000)::bigint");
                }
                case "status" -> {
                    sql.append(is ? " and t.status_id = :" : " and t.status_id <> :")
                            .append(p);
                    parameters.put(p, c.value().asLong());
                }
                case "status_category" -> {
                    sql.append(is ? " and s.category = :" : " and s.category <> :")
                            .append(p);
                    parameters.put(p, c.value().asString());
                }
                case "priority", "channel" -> {
                    sql.append(" and t.")
                            .append(c.field())
                            .append(is ? " = :" : " <> :")
                            .append(p);
                    parameters.put(p, c.value().asString());
                }
                case "department_id", "assignee_id" -> {
                    if (c.value().isNull()) {
                        sql.append(" and t.").append(c.field()).append(is ? " is null" : " is not null");
                    } else {
                        sql.append(" and t.")
                                .append(c.field())
                                .append(is ? " = :" : " is distinct from :")
                                .append(p);
                        parameters.put(p, c.value().asLong());
                    }
                }
                case "tags" -> {
                    sql.append(c.operator().equals("contains") ? " and t.tags @> cast(:" : " and not t.tags && cast(:")
                            .append(p)
                            .append(" as text[])");
                    parameters.put(p, strings(c.value()).toArray(String[]::new));
                }
                default -> {
                    // requester_domain, subject, business_hours: checked in Java
                }
            }
        }
        sql.append(" and not exists (select 1 from automation_firings f where f.rule_id = :rule and f.ticket_id = t.id"
                        + " and f.episode = ")
                .append(String.join(" || ';' || ", episode))
                .append(") order by t.id limit ")
                .append(PAGE);
        parameters.put("rule", rule.id());
        var query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }

    private static String column(String field) {
        return switch (field) {
            case "hours_since_created" -> "created_at";
            case "hours_since_updated" -> "updated_at";
            case "hours_since_status_changed" -> "status_changed_at";
            default -> "assignee_changed_at";
        };
    }
}
