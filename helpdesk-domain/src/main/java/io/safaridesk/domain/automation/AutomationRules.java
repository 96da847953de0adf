package io.safaridesk.domain.automation;

import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The triggers and time rules of the workspace in context: admins only (anyone else gets 403). A rule of the other
 * kind, or of another workspace, does not exist (404).
 */
@Component
@Transactional
public class AutomationRules {

    private final AutomationRuleRepository repository;
    private final RuleChecks checks;
    private final AutomationRuns runs;
    private final Tickets tickets;
    private final Clock clock;

    AutomationRules(
            AutomationRuleRepository repository, RuleChecks checks, AutomationRuns runs, Tickets tickets, Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.runs = runs;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * A rule as a client sends it (whole: an update replaces the rule). {@code position} null puts a new rule last
     * and keeps an existing one's place; {@code version}, when given, must be the rule's.
     */
    public record Draft(
            String name,
            Boolean enabled,
            Integer position,
            List<String> events,
            JsonNode conditions,
            JsonNode actions,
            Integer version) {}

    /** A page of rules in the order they run, and the cursor of the next (null on the last page). */
    public record Page(List<AutomationRule> rules, String nextCursor) {}

    /** Whether a trigger would fire on a ticket for an event, and each condition's outcome. */
    public record Verdict(AutomationRule trigger, boolean wouldFire, List<ConditionVerdict> conditions) {}

    /** One condition, whether it holds, and the value it looked at. */
    public record ConditionVerdict(Condition condition, boolean holds, String actual) {}

    /** A change a dry run supposes the event made ({@code changed_from}, {@code changed_to}). */
    public record SupposedChange(String field, String from, String to) {}

    public Page list(RuleKind kind, String cursor, int limit, Actor actor) {
        admin(actor);
        int position = 0;
        long afterId = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                position = Integer.parseInt(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor this list gave");
            }
        } else {
            position = Integer.MIN_VALUE;
        }
        List<AutomationRule> page = repository.page(kind, position, afterId, Limit.of(limit));
        String next = page.size() == limit
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((page.getLast().position() + ":"
                                        + page.getLast().id())
                                .getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page(page, next);
    }

    @Transactional(readOnly = true)
    public AutomationRule get(RuleKind kind, long id, Actor actor) {
        admin(actor);
        return repository
                .findById(id)
                .filter(rule -> rule.kind() == kind)
                .orElseThrow(() -> RuleNotFound.forId(kind, id));
    }

    public AutomationRule create(RuleKind kind, Draft draft, Actor actor) {
        admin(actor);
        AutomationRule.Content content = content(kind, draft);
        int last = repository.lastPosition(kind);
        int position = draft.position() == null || draft.position() > last ? last + 1 : Math.max(1, draft.position());
        if (position <= last) {
            repository.makeRoomAt(kind, position);
        }
        return repository.saveAndFlush(AutomationRule.create(kind, content, position, actor.userId(), clock.instant()));
    }

    public AutomationRule update(RuleKind kind, long id, Draft draft, Actor actor) {
        AutomationRule rule = get(kind, id, actor);
        if (draft.version() != null && draft.version() != rule.version()) {
            throw new ObjectOptimisticLockingFailureException(AutomationRule.class, id);
        }
        AutomationRule.Content content = content(kind, draft);
        if (draft.position() != null && draft.position() != rule.position()) {
            int position = Math.max(1, draft.position());
            repository.makeRoomAt(kind, position);
            rule = get(kind, id, actor);
            rule.moveTo(position);
        }
        rule.change(content, clock.instant());
        return repository.saveAndFlush(rule);
    }

    public void delete(RuleKind kind, long id, Actor actor) {
        repository.delete(get(kind, id, actor));
    }

    /**
     * Which triggers listening to {@code event} would fire on the ticket as it is now, and why: each condition's
     * outcome. {@code changes} are what the event is supposed to have changed. Changes nothing.
     */
    @Transactional(readOnly = true)
    public List<Verdict> dryRun(long ticketId, String event, List<SupposedChange> changes, Actor actor) {
        admin(actor);
        TriggerEvent which = TriggerEvent.of("event", event);
        Ticket ticket = tickets.get(ticketId, actor);
        Map<String, RuleFacts.Change> supposed = new java.util.HashMap<>();
        if (changes != null) {
            changes.forEach(change -> supposed.put(change.field(), new RuleFacts.Change(change.from(), change.to())));
        }
        return runs.dryRun(ticket, which, supposed).stream()
                .map(run -> new Verdict(
                        run.trigger(),
                        run.wouldFire(),
                        run.outcomes().stream()
                                .map(o -> new ConditionVerdict(o.condition(), o.holds(), o.actual()))
                                .toList()))
                .toList();
    }

    private AutomationRule.Content content(RuleKind kind, Draft draft) {
        return checks.check(kind, draft.name(), draft.enabled(), draft.events(), draft.conditions(), draft.actions());
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw AdminsOnly.rules();
        }
    }

    /** No rule of this kind with this id in the workspace. */
    public static final class RuleNotFound extends ApiProblem {
        private RuleNotFound(RuleKind kind, long id) {
            super(
                    HttpStatus.NOT_FOUND,
                    kind == RuleKind.TRIGGER ? "trigger-not-found" : "time-rule-not-found",
                    "No " + kind.label().replace('_', ' ') + " " + id);
        }

        static RuleNotFound forId(RuleKind kind, long id) {
            return new RuleNotFound(kind, id);
        }
    }

    /** Triggers and time rules are the admins'. */
    public static final class AdminsOnly extends ApiProblem {
        private AdminsOnly() {
            super(HttpStatus.FORBIDDEN, "admins-only", "Only admins read and manage triggers and time rules");
        }

        static AdminsOnly rules() {
            return new AdminsOnly();
        }
    }
}
