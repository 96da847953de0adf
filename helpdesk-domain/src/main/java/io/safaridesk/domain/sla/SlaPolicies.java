package io.safaridesk.domain.sla;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.TicketCategories;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA policies of the workspace in context, in the admins' order: the first active policy whose conditions a
 * ticket meets sets its targets. Every bad field is named as the client sent it ({@code targets[1].priority}).
 * Changing or deleting a policy recomputes the clocks of the tickets that run on it.
 */
@Component
@Transactional
public class SlaPolicies {

    /** At most this many policies per workspace: each ticket change walks them in order. */
    public static final int MAX_POLICIES = 100;

    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    private final SlaPolicyRepository repository;
    private final SlaCalendarRepository calendars;
    private final TicketSlaMetricRepository metrics;
    private final SlaClocks clocks;
    private final Departments departments;
    private final TicketCategories categories;
    private final Agents agents;
    private final Clock clock;

    SlaPolicies(
            SlaPolicyRepository repository,
            SlaCalendarRepository calendars,
            TicketSlaMetricRepository metrics,
            SlaClocks clocks,
            Departments departments,
            TicketCategories categories,
            Agents agents,
            Clock clock) {
        this.repository = repository;
        this.calendars = calendars;
        this.metrics = metrics;
        this.clocks = clocks;
        this.departments = departments;
        this.categories = categories;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * A policy as an admin sends it, unparsed: enum values as strings so that a bad one is named. {@code active} null
     * is true; {@code conditions} and {@code escalation} null are none; {@code version} guards updates when given.
     */
    public record Details(
            String name,
            Long calendarId,
            Boolean active,
            Conditions conditions,
            List<TargetDetails> targets,
            Escalation escalation,
            Integer version) {}

    /** Each non-empty list must contain the ticket's value; empty or null lists match any ticket. */
    public record Conditions(
            List<String> priorities,
            List<Long> departmentIds,
            List<Long> categoryIds,
            List<String> channels,
            List<String> requesterDomains) {}

    /** Targets in business minutes for one priority; a null target leaves that metric untracked. */
    public record TargetDetails(
            String priority, Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes) {}

    /** What a breach of this policy's targets does to the ticket. */
    public record Escalation(Boolean raisePriority, Long assigneeId, List<Long> watcherIds) {

        public Escalation {
            raisePriority = raisePriority != null && raisePriority;
            watcherIds = watcherIds == null ? List.of() : List.copyOf(watcherIds);
        }
    }

    record Validated(
            String name,
            boolean active,
            long calendarId,
            List<Priority> priorities,
            List<Long> departmentIds,
            List<Long> categoryIds,
            List<Channel> channels,
            List<String> requesterDomains,
            List<SlaTarget> targets,
            Escalation escalation) {}

    /** Every policy, in the order in which they are tried. */
    @Transactional(readOnly = true)
    public List<SlaPolicy> list() {
        return repository.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public SlaPolicy get(long id) {
        return repository.findById(id).orElseThrow(() -> PolicyNotFound.forId(id));
    }

    /** Adds a policy after the others (it applies to tickets created or changed from now on). */
    public SlaPolicy create(Details details) {
        Validated policy = validate(details);
        checkName(policy.name(), 0);
        List<SlaPolicy> existing = list();
        if (existing.size() >= MAX_POLICIES) {
            throw ApiProblem.invalidField("name", "a workspace has at most " + MAX_POLICIES + " policies");
        }
        int position = existing.stream().mapToInt(SlaPolicy::position).max().orElse(0) + 1;
        return repository.saveAndFlush(SlaPolicy.create(policy, position, clock.instant()));
    }

    /** Replaces a policy; the tickets running on it get their targets recomputed. */
    public SlaPolicy update(long id, Details details) {
        SlaPolicy existing = get(id);
        if (details.version() != null && details.version() != existing.version()) {
            throw new ObjectOptimisticLockingFailureException(SlaPolicy.class, id);
        }
        Validated policy = validate(details);
        checkName(policy.name(), id);
        Instant now = clock.instant();
        existing.update(policy, now);
        SlaPolicy saved = repository.saveAndFlush(existing);
        clocks.policyChanged(metrics.ticketsRunningOn(id), now);
        return saved;
    }

    /** Deletes a policy; the tickets that ran on it move to the next matching policy, or their clocks stop. */
    public void delete(long id) {
        SlaPolicy policy = get(id);
        List<Long> running = metrics.ticketsRunningOn(id);
        repository.delete(policy);
        repository.flush();
        clocks.policyChanged(running, clock.instant());
    }

    /** Puts the policies in the order of {@code ids}, which must name every policy once. */
    public List<SlaPolicy> reorder(List<Long> ids) {
        Map<Long, SlaPolicy> byId = list().stream().collect(Collectors.toMap(SlaPolicy::id, Function.identity()));
        if (ids.size() != byId.size() || !byId.keySet().equals(new HashSet<>(ids))) {
            throw ApiProblem.invalidField("policy_ids", "must name every policy of the workspace exactly once");
        }
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i++) {
            byId.get(ids.get(i)).moveTo(i + 1, now);
        }
        repository.flush();
        return list();
    }

    private void checkName(String name, long id) {
        if (repository.existsByNameIgnoreCaseAndIdNot(name, id)) {
            throw PolicyNameTaken.forName(name);
        }
    }

    private Validated validate(Details details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.calendarId() == null) {
            problems.add(new FieldProblem("calendar_id", "is required"));
        } else if (!calendars.existsById(details.calendarId())) {
            problems.add(new FieldProblem("calendar_id", "names no calendar of this workspace"));
        }
        Conditions conditions =
                details.conditions() == null ? new Conditions(null, null, null, null, null) : details.conditions();
        List<Priority> priorities = parsed(conditions.priorities(), "conditions.priorities", Priority::of, problems);
        List<Channel> channels = parsed(conditions.channels(), "conditions.channels", Channel::of, problems);
        List<Long> departmentIds = orEmpty(conditions.departmentIds());
        Set<Long> missingDepartments = departments.missing(departmentIds);
        for (int i = 0; i < departmentIds.size(); i++) {
            if (departmentIds.get(i) == null || missingDepartments.contains(departmentIds.get(i))) {
                problems.add(new FieldProblem(
                        "conditions.department_ids[" + i + "]", "names no department of this workspace"));
            }
        }
        List<Long> categoryIds = orEmpty(conditions.categoryIds());
        for (int i = 0; i < categoryIds.size(); i++) {
            String field = "conditions.category_ids[" + i + "]";
            try {
                if (categoryIds.get(i) == null) {
                    throw ApiProblem.invalidField(field, "is required");
                }
                categories.forTicket(field, categoryIds.get(i));
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        List<String> domains = new ArrayList<>();
        List<String> requesterDomains = orEmpty(conditions.requesterDomains());
        for (int i = 0; i < requesterDomains.size(); i++) {
            String domain = requesterDomains.get(i) == null
                    ? ""
                    : requesterDomains.get(i).strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                problems.add(new FieldProblem("conditions.requester_domains[" + i + "]", "is not a domain name"));
            }
            domains.add(domain);
        }
        List<SlaTarget> targets = targets(details.targets(), problems);
        Escalation escalation =
                details.escalation() == null ? new Escalation(false, null, List.of()) : details.escalation();
        checkEscalation(escalation, problems);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new Validated(
                details.name().strip(),
                details.active() == null || details.active(),
                details.calendarId(),
                priorities.stream().distinct().toList(),
                departmentIds.stream().distinct().toList(),
                categoryIds.stream().distinct().toList(),
                channels.stream().distinct().toList(),
                domains.stream().distinct().toList(),
                targets,
                escalation);
    }

    private static List<SlaTarget> targets(List<TargetDetails> given, List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            problems.add(new FieldProblem("targets", "needs a target for at least one priority"));
            return List.of();
        }
        List<SlaTarget> targets = new ArrayList<>();
        Set<Priority> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "targets[" + i + "]";
            TargetDetails target = given.get(i);
            if (target == null || target.priority() == null) {
                problems.add(new FieldProblem(field + ".priority", "is required"));
                continue;
            }
            Priority priority;
            try {
                priority = Priority.of(field + ".priority", target.priority());
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
                continue;
            }
            if (!seen.add(priority)) {
                problems.add(new FieldProblem(field + ".priority", "has a target already"));
            }
            boolean valid = minutes(field + ".first_response_minutes", target.firstResponseMinutes(), problems)
                    & minutes(field + ".next_response_minutes", target.nextResponseMinutes(), problems)
                    & minutes(field + ".resolution_minutes", target.resolutionMinutes(), problems);
            if (target.firstResponseMinutes() == null
                    && target.nextResponseMinutes() == null
                    && target.resolutionMinutes() == null) {
                problems.add(new FieldProblem(field, "sets no target"));
            } else if (valid) {
                targets.add(new SlaTarget(
                        priority,
                        target.firstResponseMinutes(),
                        target.nextResponseMinutes(),
                        target.resolutionMinutes()));
            }
        }
        return targets;
    }

    private static boolean minutes(String field, Integer minutes, List<FieldProblem> problems) {
        if (minutes != null && (minutes <= 0 || minutes > BusinessTimeCalculator.LONGEST_MINUTES)) {
            problems.add(new FieldProblem(field, "must lie between 1 and " + BusinessTimeCalculator.LONGEST_MINUTES));
            return false;
        }
        return true;
    }

    private void checkEscalation(Escalation escalation, List<FieldProblem> problems) {
        if (escalation.assigneeId() != null) {
            Agent agent = agents.byIds(List.of(escalation.assigneeId())).get(escalation.assigneeId());
            if (agent == null || !agent.active()) {
                problems.add(new FieldProblem("escalation.assignee_id", "names no active agent of this workspace"));
            }
        }
        Map<Long, Agent> watchers = agents.byIds(
                escalation.watcherIds().stream().filter(id -> id != null).toList());
        for (int i = 0; i < escalation.watcherIds().size(); i++) {
            if (!watchers.containsKey(escalation.watcherIds().get(i))) {
                problems.add(new FieldProblem("escalation.watcher_ids[" + i + "]", "names no agent of this workspace"));
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private interface Parser<T> {
        T parse(String field, String value);
    }

    private static <T> List<T> parsed(
            List<String> values, String field, Parser<T> parser, List<FieldProblem> problems) {
        List<T> parsed = new ArrayList<>();
        List<String> given = orEmpty(values);
        for (int i = 0; i < given.size(); i++) {
            String name = field + "[" + i + "]";
            try {
                if (given.get(i) == null) {
                    throw ApiProblem.invalidField(name, "is required");
                }
                parsed.add(parser.parse(name, given.get(i)));
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        return parsed;
    }

    /** No policy with this id in the workspace. */
    public static final class PolicyNotFound extends ApiProblem {
        private PolicyNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "sla-policy-not-found", "No SLA policy " + id);
        }

        static PolicyNotFound forId(long id) {
            return new PolicyNotFound(id);
        }
    }

    /** Policy names are unique within a workspace, ignoring case. */
    public static final class PolicyNameTaken extends ApiProblem {
        private PolicyNameTaken(String name) {
            super(
                    HttpStatus.CONFLICT,
                    "sla-policy-name-taken",
                    "An SLA policy named '" + name + "' exists",
                    List.of(new FieldProblem("name", "is taken")));
        }

        static PolicyNameTaken forName(String name) {
            return new PolicyNameTaken(name);
        }
    }
}
