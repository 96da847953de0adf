package io.safaridesk.domain.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketWatchers;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.observability.OnCommit;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the SLA clocks of the workspace in context that crossed their at-risk share or their target (indexed queries
 * on the stored due instants, never a computation over all tickets) and raises each crossing exactly once: a
 * conditional update claims it ({@code ... where breached_at is null}), so of two sweepers racing, or a sweeper run
 * again after a restart, one raises it. Each crossing, in its own transaction with its claim: an entry in the ticket's
 * SLA log, an outbox event ({@link SlaCrossed}), a notification for the assignee, the department's leads and the
 * admins, and, for a breach, the policy's escalation (raise the priority, reassign, add watchers) through the ticket
 * facades as the system.
 */
@Component
public class SlaSweeps {

    private static final Logger log = LoggerFactory.getLogger(SlaSweeps.class);

    /** How many crossings one query fetches; a sweep repeats until none is left. */
    static final int BATCH = 500;

    static final Actor SYSTEM = new Actor(null, "SLA escalation", Actor.Role.ADMIN, null, Set.of(), null);

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSlaMetricRepository metrics;
    private final TicketSlaEventRepository events;
    private final SlaPolicyRepository policies;
    private final SlaSettings settings;
    private final DomainEvents outbox;
    private final Tickets tickets;
    private final TicketWatchers watchers;
    private final Agents agents;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    SlaSweeps(
            TicketSlaMetricRepository metrics,
            TicketSlaEventRepository events,
            SlaPolicyRepository policies,
            SlaSettings settings,
            DomainEvents outbox,
            Tickets tickets,
            TicketWatchers watchers,
            Agents agents,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters) {
        this.metrics = metrics;
        this.events = events;
        this.policies = policies;
        this.settings = settings;
        this.outbox = outbox;
        this.tickets = tickets;
        this.watchers = watchers;
        this.agents = agents;
        this.transactions = new TransactionTemplate(transactionManager);
        this.meters = meters;
    }

    /** What one sweep of a workspace raised (crossings other sweepers claimed first are not counted). */
    public record Result(int atRisk, int breached) {}

    /** Sweeps the workspace in context as of {@code now}; does nothing while the workspace runs no SLAs. */
    public Result sweep(Instant now) {
        boolean enabled =
                Boolean.TRUE.equals(transactions.execute(s -> settings.current().allowSla()));
        if (!enabled) {
            return new Result(0, 0);
        }
        int atRisk = raiseAll(now, false);
        int breached = raiseAll(now, true);
        if (atRisk + breached > 0) {
            log.info(
                    "SLA sweep of {}: {} at risk, {} breached",
                    TenantContext.current().value(),
                    atRisk,
                    breached);
        }
        return new Result(atRisk, breached);
    }

    /**
     * Raises the crossings in batches: one transaction locks up to {@link #BATCH} of them ({@code for update skip
     * locked}, so a racing sweeper takes others), claims them and writes their effects. A batch that fails is rolled
     * back and its crossings are raised one by one, each in its own transaction, so that one crossing that cannot be
     * raised (logged, retried by the next sweep) does not hold up the rest.
     */
    private int raiseAll(Instant now, boolean breach) {
        int raised = 0;
        while (true) {
            Integer batch;
            try {
                batch = transactions.execute(s -> raiseBatch(now, breach));
            } catch (RuntimeException e) {
                log.warn(
                        "An SLA sweep batch in {} failed; raising its crossings one by one",
                        TenantContext.current(),
                        e);
                return raised + raiseOneByOne(now, breach);
            }
            raised += batch;
            if (batch < BATCH) {
                return raised;
            }
        }
    }

    private int raiseBatch(Instant now, boolean breach) {
        List<Long> ids = breach ? metrics.lockDue(now, BATCH) : metrics.lockAtRisk(now, BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        int claimed = breach ? metrics.claimBreaches(ids, now) : metrics.claimAtRisks(ids, now);
        if (claimed != ids.size()) {
            throw new IllegalStateException("Locked " + ids.size() + " SLA crossings but claimed " + claimed);
        }
        // everything read before anything is written: no query below has to flush the batch's changes first
        Staff staff = staff();
        List<TicketSlaMetric> clocks = metrics.findAllById(ids);
        Map<Long, Ticket> tickets = entityManager
                .createQuery("select t from Ticket t where t.id in :ids", Ticket.class)
                .setParameter(
                        "ids", clocks.stream().map(TicketSlaMetric::ticketId).toList())
                .getResultStream()
                .collect(Collectors.toMap(Ticket::id, t -> t));
        int atRiskPercent = settings.current().atRiskPercent();
        for (TicketSlaMetric clock : clocks) {
            raised(clock, tickets.get(clock.ticketId()), now, breach, staff, atRiskPercent);
        }
        return ids.size();
    }

    private int raiseOneByOne(Instant now, boolean breach) {
        int raised = 0;
        // the locks end with this short transaction: it only lists the candidates
        List<Long> candidates =
                transactions.execute(s -> breach ? metrics.lockDue(now, BATCH) : metrics.lockAtRisk(now, BATCH));
        for (Long id : candidates) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(s -> raise(id, now, breach)))) {
                    raised++;
                }
            } catch (RuntimeException e) {
                // rolled back with its claim: the next sweep tries this crossing again, the others go on
                log.error("Raising SLA crossing of clock {} in {} failed", id, TenantContext.current(), e);
            }
        }
        return raised;
    }

    private boolean raise(long metricId, Instant now, boolean breach) {
        int claimed = breach ? metrics.claimBreach(metricId, now) : metrics.claimAtRisk(metricId, now);
        if (claimed == 0) {
            return false;
        }
        TicketSlaMetric clock = metrics.findById(metricId).orElseThrow();
        raised(
                clock,
                entityManager.find(Ticket.class, clock.ticketId()),
                now,
                breach,
                staff(),
                settings.current().atRiskPercent());
        return true;
    }

    /** The effects of a claimed crossing: log entry, notifications, escalation (breaches), outbox event. */
    private void raised(
            TicketSlaMetric clock, Ticket ticket, Instant now, boolean breach, Staff staff, int atRiskPercent) {
        TicketSlaEvent.Kind kind = breach ? TicketSlaEvent.Kind.BREACHED : TicketSlaEvent.Kind.AT_RISK;
        long target = clock.target().toNanos();
        Duration used = Duration.ofNanos(breach ? target : target * atRiskPercent / 100);
        events.save(new TicketSlaEvent(clock, kind, now, used, null));
        List<Long> notified = staff.recipients(ticket);
        List<String> escalations = breach ? escalate(ticket, clock) : List.of();
        outbox.record(
                breach ? SlaCrossed.BREACHED : SlaCrossed.AT_RISK,
                new SlaCrossed(
                        ticket.id(),
                        ticket.number(),
                        clock.metric(),
                        clock.cycle(),
                        breach ? "breached" : "at_risk",
                        clock.dueAt(),
                        now,
                        notified,
                        escalations));
        OnCommit.increment(
                meters.counter(
                        "safaridesk.sla.crossings",
                        "kind",
                        breach ? "breached" : "at_risk",
                        "metric",
                        clock.metric().name().toLowerCase()),
                1);
        log.info(
                "SLA {} of ticket {} in {}: {} notified {}{}",
                kind,
                ticket.number(),
                TenantContext.current().value(),
                clock.metric(),
                notified,
                escalations.isEmpty() ? "" : ", escalated: " + escalations);
    }

    /**
     * The active staff as notifications need them: the admins and the leads of each department. The worker notifies
     * the recipients that the crossing's event names.
     */
    record Staff(Set<Long> active, List<Long> admins, Map<Long, List<Long>> leadsByDepartment) {

        /** The assignee (if active), the leads of the ticket's department and the admins, in id order. */
        List<Long> recipients(Ticket ticket) {
            Set<Long> recipients = new TreeSet<>(admins);
            if (ticket.assigneeId() != null && active.contains(ticket.assigneeId())) {
                recipients.add(ticket.assigneeId());
            }
            if (ticket.departmentId() != null) {
                recipients.addAll(leadsByDepartment.getOrDefault(ticket.departmentId(), List.of()));
            }
            return List.copyOf(recipients);
        }
    }

    private Staff staff() {
        List<Object[]> agents = entityManager
                .createNativeQuery("select id, role from agents where active and deleted_at is null", Object[].class)
                .getResultList();
        List<Object[]> leads = entityManager
                .createNativeQuery(
                        "select d.department_id, d.agent_id from agent_departments d join agents a on a.id = d.agent_id"
                                + " where d.lead and a.active and a.deleted_at is null",
                        Object[].class)
                .getResultList();
        return new Staff(
                agents.stream().map(a -> ((Number) a[0]).longValue()).collect(Collectors.toSet()),
                agents.stream()
                        .filter(a -> "admin".equals(a[1]))
                        .map(a -> ((Number) a[0]).longValue())
                        .toList(),
                leads.stream()
                        .collect(Collectors.groupingBy(
                                l -> ((Number) l[0]).longValue(),
                                Collectors.mapping(l -> ((Number) l[1]).longValue(), Collectors.toList()))));
    }

    /** The policy's escalation, as far as it still applies (an agent who left is skipped, not retried for ever). */
    private List<String> escalate(Ticket ticket, TicketSlaMetric clock) {
        Optional<SlaPolicy> policy = clock.policyId() == null ? Optional.empty() : policies.findById(clock.policyId());
        if (policy.isEmpty()) {
            return List.of();
        }
        List<String> done = new ArrayList<>();
        SlaPolicy p = policy.get();
        if (p.escalateRaisePriority() && ticket.priority().raised() != ticket.priority()) {
            tickets.update(
                    ticket.id(),
                    new Tickets.Changes(
                            null, null, null, null, null, ticket.priority().raised(), null, null),
                    SYSTEM);
            done.add("priority raised to " + ticket.priority());
        }
        if (p.escalateAssigneeId() != null && !p.escalateAssigneeId().equals(ticket.assigneeId())) {
            Agent agent = agents.find(p.escalateAssigneeId()).orElse(null);
            if (assignable(ticket, agent)) {
                tickets.assign(ticket.id(), agent.id(), null, SYSTEM);
                done.add("assigned to agent " + agent.id());
            }
        }
        List<Long> watcherIds = agents.byIds(p.escalateWatcherIds()).values().stream()
                .filter(a -> a.active() && !a.deleted())
                .map(Agent::id)
                .sorted()
                .toList();
        if (!watcherIds.isEmpty()) {
            watchers.add(ticket.id(), "watcher_ids", watcherIds, SYSTEM);
            done.add("watchers added " + watcherIds);
        }
        return done;
    }

    private static boolean assignable(Ticket ticket, Agent agent) {
        return agent != null
                && agent.active()
                && !agent.deleted()
                && (agent.role() == AgentRole.ADMIN
                        || ticket.departmentId() == null
                        || agent.memberships().stream().anyMatch(m -> m.departmentId() == ticket.departmentId()));
    }
}
