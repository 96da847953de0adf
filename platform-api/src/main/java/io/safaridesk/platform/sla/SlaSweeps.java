package io.safaridesk.platform.sla;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.agent.Agent;
import io.safaridesk.platform.agent.AgentRole;
import io.safaridesk.platform.agent.Agents;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.ticket.Ticket;
import io.safaridesk.platform.ticket.TicketWatchers;
import io.safaridesk.platform.ticket.Tickets;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
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

    SlaSweeps(
            TicketSlaMetricRepository metrics,
            TicketSlaEventRepository events,
            SlaPolicyRepository policies,
            SlaSettings settings,
            DomainEvents outbox,
            Tickets tickets,
            TicketWatchers watchers,
            Agents agents,
            PlatformTransactionManager transactionManager) {
        this.metrics = metrics;
        this.events = events;
        this.policies = policies;
        this.settings = settings;
        this.outbox = outbox;
        this.tickets = tickets;
        this.watchers = watchers;
        this.agents = agents;
        this.transactions = new TransactionTemplate(transactionManager);
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

    private int raiseAll(Instant now, boolean breach) {
        int raised = 0;
        while (true) {
            List<Long> candidates = transactions.execute(
                    s -> breach ? metrics.dueBy(now, Limit.of(BATCH)) : metrics.atRiskBy(now, Limit.of(BATCH)));
            int before = raised;
            for (Long id : candidates) {
                if (Boolean.TRUE.equals(transactions.execute(s -> raise(id, now, breach)))) {
                    raised++;
                }
            }
            // a batch in which every crossing was claimed by someone else means another sweeper runs ahead: stop
            if (candidates.size() < BATCH || raised == before) {
                return raised;
            }
        }
    }

    private boolean raise(long metricId, Instant now, boolean breach) {
        int claimed = breach ? metrics.claimBreach(metricId, now) : metrics.claimAtRisk(metricId, now);
        if (claimed == 0) {
            return false;
        }
        entityManager.clear();
        TicketSlaMetric clock = metrics.findById(metricId).orElseThrow();
        Ticket ticket = entityManager.find(Ticket.class, clock.ticketId());
        TicketSlaEvent.Kind kind = breach ? TicketSlaEvent.Kind.BREACHED : TicketSlaEvent.Kind.AT_RISK;
        events.save(new TicketSlaEvent(
                clock, kind, now, java.time.Duration.ZERO.plusNanos(elapsedAtDue(clock, breach)), null));
        List<Long> notified = notify(ticket, clock, kind, now);
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
        log.info(
                "SLA {} of ticket {} in {}: {} notified {}{}",
                kind,
                ticket.number(),
                TenantContext.current().value(),
                clock.metric(),
                notified,
                escalations.isEmpty() ? "" : ", escalated: " + escalations);
        return true;
    }

    /** The business time used at the crossing itself: the target, or its at-risk share. */
    private long elapsedAtDue(TicketSlaMetric clock, boolean breach) {
        long target = clock.target().toNanos();
        return breach ? target : target * settings.current().atRiskPercent() / 100;
    }

    /**
     * Stand-in for the worker's notifications: one {@code sla_notifications} row per recipient and a log line. The
     * recipients are the assignee, the leads of the ticket's department and the active admins.
     */
    @SuppressWarnings("unchecked")
    private List<Long> notify(Ticket ticket, TicketSlaMetric clock, TicketSlaEvent.Kind kind, Instant now) {
        List<Long> recipients = entityManager
                .createNativeQuery(
                        "select a.id from agents a where a.active and ("
                                + " a.id = :assignee or a.role = 'admin'"
                                + " or exists (select 1 from agent_departments d where d.agent_id = a.id"
                                + " and d.lead and d.department_id = :department)) order by a.id",
                        Long.class)
                .setParameter("assignee", ticket.assigneeId() == null ? -1L : ticket.assigneeId())
                .setParameter("department", ticket.departmentId() == null ? -1L : ticket.departmentId())
                .getResultList();
        for (Long agent : recipients) {
            entityManager
                    .createNativeQuery("insert into sla_notifications (ticket_id, agent_id, metric, kind, created_at)"
                            + " values (:ticket, :agent, :metric, :kind, :at)")
                    .setParameter("ticket", ticket.id())
                    .setParameter("agent", agent)
                    .setParameter("metric", clock.metric().name())
                    .setParameter("kind", kind.name())
                    .setParameter("at", now)
                    .executeUpdate();
        }
        return recipients;
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
