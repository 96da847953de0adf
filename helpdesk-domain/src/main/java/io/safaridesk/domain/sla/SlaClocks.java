package io.safaridesk.domain.sla;

import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketChanged;
import io.safaridesk.domain.ticket.TicketEvent;
import io.safaridesk.domain.ticket.TicketStatus;
import io.safaridesk.domain.ticket.TicketStatuses;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the SLA clocks of tickets, in the transaction of each ticket change (through {@link TicketChanged}): a new
 * ticket starts its first-response and resolution clocks under the first matching policy; a status that pauses SLAs
 * pauses them and leaving it resumes them; an agent's public reply fulfils the first or next response; a customer reply
 * after an agent's starts a next-response cycle; reaching a resolved or closed status fulfils the clocks and reopening
 * resumes the resolution clock; a change of priority, department or category (or of the policy itself) recomputes the
 * targets and the time used from the clock's event log. With SLAs off nothing happens.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SlaClocks {

    private static final Set<String> MATCHED_FIELDS = Set.of("priority", "department_id", "category_id");

    private final TicketSlaMetricRepository metrics;
    private final TicketSlaEventRepository events;
    private final SlaPolicyRepository policies;
    private final SlaSettings settings;
    private final SlaCalendarRepository calendars;
    private final TicketStatuses statuses;
    private final Contacts contacts;

    @PersistenceContext
    private EntityManager entityManager;

    SlaClocks(
            TicketSlaMetricRepository metrics,
            TicketSlaEventRepository events,
            SlaPolicyRepository policies,
            SlaSettings settings,
            SlaCalendarRepository calendars,
            TicketStatuses statuses,
            Contacts contacts) {
        this.metrics = metrics;
        this.events = events;
        this.policies = policies;
        this.settings = settings;
        this.calendars = calendars;
        this.statuses = statuses;
        this.contacts = contacts;
    }

    /** What policies match on. */
    record Facts(Priority priority, Long departmentId, Long categoryId, Channel channel, String requesterEmail) {}

    @EventListener
    void on(TicketChanged changed) {
        SlaConfiguration configuration = settings.current();
        if (!configuration.allowSla()) {
            return;
        }
        Schedules schedules = new Schedules(configuration);
        Ticket ticket = changed.ticket();
        switch (changed.event()) {
            case TicketEvent.TicketCreated created -> start(ticket, created.at(), schedules);
            case TicketEvent.TicketStatusChanged moved -> statusChanged(ticket, moved.at(), schedules);
            case TicketEvent.ReplyAdded reply -> replied(ticket, reply, schedules);
            case TicketEvent.TicketUpdated updated -> {
                if (updated.changes().stream().anyMatch(c -> MATCHED_FIELDS.contains(c.field()))) {
                    recompute(ticket, updated.at(), schedules, "ticket changed");
                }
            }
            case TicketEvent.TicketMerged merged ->
                merged.sourceIds()
                        .forEach(source -> metrics.findByTicketIdOrderByMetric(source)
                                .forEach(clock -> finish(
                                        clock, TicketSlaMetric.State.STOPPED, merged.at(), schedules, "merged")));
            default -> {}
        }
    }

    /** The policy's clocks changed: every ticket still running on it gets its targets recomputed. */
    void policyChanged(List<Long> ticketIds, Instant at) {
        SlaConfiguration configuration = settings.current();
        if (!configuration.allowSla()) {
            return;
        }
        Schedules schedules = new Schedules(configuration);
        ticketIds.forEach(id -> recompute(entityManager.find(Ticket.class, id), at, schedules, "policy changed"));
    }

    private void start(Ticket ticket, Instant at, Schedules schedules) {
        SlaPolicy policy = policyFor(ticket);
        if (policy == null) {
            return;
        }
        boolean paused = statuses.get(ticket.statusId()).pausesSla();
        for (SlaMetric metric : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION)) {
            Integer target = policy.targetMinutes(ticket.priority(), metric).orElse(null);
            if (target != null) {
                TicketSlaMetric clock = TicketSlaMetric.of(ticket.id(), metric);
                activate(clock, policy, target, at, schedules, "policy " + policy.name());
                if (paused) {
                    pause(clock, at, schedules);
                }
            }
        }
    }

    private void statusChanged(Ticket ticket, Instant at, Schedules schedules) {
        TicketStatus status = statuses.get(ticket.statusId());
        for (TicketSlaMetric clock : metrics.findByTicketIdOrderByMetric(ticket.id())) {
            if (status.category().done()) {
                finish(clock, TicketSlaMetric.State.MET, at, schedules, "ticket " + status.name());
            } else if (clock.metric() == SlaMetric.RESOLUTION && clock.state() == TicketSlaMetric.State.MET) {
                resume(clock, at, schedules, "reopened");
                if (status.pausesSla()) {
                    pause(clock, at, schedules);
                }
            } else if (status.pausesSla()) {
                pause(clock, at, schedules);
            } else if (clock.state() == TicketSlaMetric.State.PAUSED) {
                resume(clock, at, schedules, null);
            }
        }
    }

    private void replied(Ticket ticket, TicketEvent.ReplyAdded reply, Schedules schedules) {
        if (reply.authorAgentId() != null) {
            for (SlaMetric metric : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE)) {
                metrics.findByTicketIdAndMetric(ticket.id(), metric)
                        .ifPresent(clock ->
                                finish(clock, TicketSlaMetric.State.MET, reply.at(), schedules, "agent replied"));
            }
            return;
        }
        boolean awaitingFirstResponse = ticket.firstResponseAt() == null
                || metrics.findByTicketIdAndMetric(ticket.id(), SlaMetric.FIRST_RESPONSE)
                        .map(TicketSlaMetric::open)
                        .orElse(false);
        TicketSlaMetric next = metrics.findByTicketIdAndMetric(ticket.id(), SlaMetric.NEXT_RESPONSE)
                .orElse(null);
        if (awaitingFirstResponse || (next != null && next.open())) {
            return;
        }
        SlaPolicy policy = policyFor(ticket);
        Integer target = policy == null
                ? null
                : policy.targetMinutes(ticket.priority(), SlaMetric.NEXT_RESPONSE)
                        .orElse(null);
        if (target == null) {
            return;
        }
        TicketSlaMetric clock = next == null ? TicketSlaMetric.of(ticket.id(), SlaMetric.NEXT_RESPONSE) : next;
        activate(clock, policy, target, reply.at(), schedules, "customer replied");
        if (statuses.get(ticket.statusId()).pausesSla()) {
            pause(clock, reply.at(), schedules);
        }
    }

    /**
     * Finds the ticket's policy again and moves every open clock onto its target, with the business time used so far
     * recounted from the clock's log on the (possibly new) calendar; a clock without a target any more stops, a metric
     * the new policy tracks and the ticket has not fulfilled starts as of the ticket's creation.
     */
    private void recompute(Ticket ticket, Instant at, Schedules schedules, String reason) {
        SlaPolicy policy = policyFor(ticket);
        TicketStatus status = statuses.get(ticket.statusId());
        Map<SlaMetric, TicketSlaMetric> clocks = new HashMap<>();
        metrics.findByTicketIdOrderByMetric(ticket.id()).forEach(clock -> clocks.put(clock.metric(), clock));
        for (SlaMetric metric : SlaMetric.values()) {
            Integer target = policy == null
                    ? null
                    : policy.targetMinutes(ticket.priority(), metric).orElse(null);
            TicketSlaMetric clock = clocks.get(metric);
            if (clock == null) {
                if (target != null && startsLate(ticket, status, metric)) {
                    TicketSlaMetric late = TicketSlaMetric.of(ticket.id(), metric);
                    activate(late, policy, target, ticket.createdAt(), schedules, reason + ": policy " + policy.name());
                    if (status.pausesSla()) {
                        pause(late, at, schedules);
                    }
                }
                continue;
            }
            if (!clock.open()) {
                continue;
            }
            if (target == null) {
                finish(clock, TicketSlaMetric.State.STOPPED, at, schedules, reason + ": no target");
                continue;
            }
            TicketSlaMetric.Schedule schedule = schedules.of(policy.calendarId());
            long used = usedFromLog(clock, schedule.calculator(), at);
            clock.retarget(policy.id(), policy.calendarId(), target, used, at, schedule);
            log(clock, TicketSlaEvent.Kind.RECOMPUTED, at, schedule, reason + ": policy " + policy.name());
        }
    }

    private static boolean startsLate(Ticket ticket, TicketStatus status, SlaMetric metric) {
        return switch (metric) {
            case FIRST_RESPONSE ->
                ticket.firstResponseAt() == null && !status.category().done();
            case RESOLUTION -> !status.category().done();
            case NEXT_RESPONSE -> false;
        };
    }

    /** The business time a clock used in its current cycle, from its log: the running stretches, on {@code calculator}. */
    private long usedFromLog(TicketSlaMetric clock, BusinessTimeCalculator calculator, Instant at) {
        long used = 0;
        Instant runningFrom = null;
        for (TicketSlaEvent event :
                events.findByTicketIdAndMetricAndCycleOrderByIdAsc(clock.ticketId(), clock.metric(), clock.cycle())) {
            switch (event.kind()) {
                case ACTIVATED, RESUMED -> runningFrom = runningFrom == null ? event.at() : runningFrom;
                case PAUSED, FULFILLED, STOPPED -> {
                    if (runningFrom != null) {
                        used += between(calculator, runningFrom, event.at());
                        runningFrom = null;
                    }
                }
                default -> {}
            }
        }
        return runningFrom == null ? used : used + between(calculator, runningFrom, at);
    }

    private static long between(BusinessTimeCalculator calculator, Instant from, Instant to) {
        return to.isAfter(from) ? calculator.businessTimeBetween(from, to).toNanos() : 0;
    }

    private void activate(
            TicketSlaMetric clock, SlaPolicy policy, int target, Instant at, Schedules schedules, String detail) {
        TicketSlaMetric.Schedule schedule = schedules.of(policy.calendarId());
        clock.activate(policy.id(), policy.calendarId(), target, at, schedule);
        metrics.save(clock);
        log(clock, TicketSlaEvent.Kind.ACTIVATED, at, schedule, detail);
    }

    private void pause(TicketSlaMetric clock, Instant at, Schedules schedules) {
        if (clock.state() == TicketSlaMetric.State.RUNNING) {
            TicketSlaMetric.Schedule schedule = schedules.of(clock.calendarId());
            clock.pause(schedule, at);
            log(clock, TicketSlaEvent.Kind.PAUSED, at, schedule, null);
        }
    }

    private void resume(TicketSlaMetric clock, Instant at, Schedules schedules, String detail) {
        TicketSlaMetric.Schedule schedule = schedules.of(clock.calendarId());
        clock.resume(schedule, at);
        log(clock, TicketSlaEvent.Kind.RESUMED, at, schedule, detail);
    }

    private void finish(
            TicketSlaMetric clock, TicketSlaMetric.State end, Instant at, Schedules schedules, String detail) {
        if (clock.open()) {
            TicketSlaMetric.Schedule schedule = schedules.of(clock.calendarId());
            clock.finish(end, schedule, at);
            log(
                    clock,
                    end == TicketSlaMetric.State.MET ? TicketSlaEvent.Kind.FULFILLED : TicketSlaEvent.Kind.STOPPED,
                    at,
                    schedule,
                    detail);
        }
    }

    private void log(
            TicketSlaMetric clock, TicketSlaEvent.Kind kind, Instant at, TicketSlaMetric.Schedule schedule, String d) {
        events.save(new TicketSlaEvent(clock, kind, at, clock.elapsed(schedule, at), d));
    }

    /** The first active policy, in the admins' order, whose conditions the ticket meets; null when none does. */
    private SlaPolicy policyFor(Ticket ticket) {
        List<SlaPolicy> ordered = policies.findAllByOrderByPositionAscIdAsc();
        if (ordered.isEmpty()) {
            return null;
        }
        Facts facts = new Facts(
                ticket.priority(),
                ticket.departmentId(),
                ticket.categoryId(),
                ticket.channel(),
                contacts.get(ticket.requesterId()).email());
        return ordered.stream().filter(p -> p.matches(facts)).findFirst().orElse(null);
    }

    /** Calculators of the calendars one change touches, each built once. */
    final class Schedules {

        private final SlaConfiguration configuration;
        private final Map<Long, TicketSlaMetric.Schedule> byCalendar = new HashMap<>();

        Schedules(SlaConfiguration configuration) {
            this.configuration = configuration;
        }

        TicketSlaMetric.Schedule of(long calendarId) {
            return byCalendar.computeIfAbsent(
                    calendarId, id -> TicketSlaMetric.Schedule.of(calendars.findById(id), configuration));
        }
    }
}
