package io.safaridesk.domain.report;

import static io.safaridesk.domain.report.ReportScope.within;

import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's dashboard: what came in and went out in a period (with a series per day), what is waiting now, the
 * period's tickets by status, priority, department and channel, the latest tickets; and the onboarding checklist.
 * Counts the same tickets as {@link Reports} (visible to the caller, neither trashed nor merged).
 */
@Component
@Transactional(readOnly = true)
public class Dashboard {

    @PersistenceContext
    private EntityManager entityManager;

    private final TicketSearch search;
    private final Reports reports;
    private final Clock clock;

    Dashboard(TicketSearch search, Reports reports, Clock clock) {
        this.search = search;
        this.reports = reports;
        this.clock = clock;
    }

    /** The tickets now unsolved: all, without assignee, past their due date, with a breached SLA clock. */
    public record Waiting(long open, long unassigned, long overdue, long breached) {}

    /** How many tickets of the period share one value (a status, priority, department or channel). */
    public record Share(Long id, String name, long tickets) {}

    /** One of the latest tickets. */
    public record Recent(long id, long number, String subject, String status, String priority, Instant createdAt) {}

    /** The dashboard of a period; {@code series} is the volume report's rows (a row per day). */
    public record Data(
            Report volume,
            Waiting waiting,
            List<Share> byStatus,
            List<Share> byPriority,
            List<Share> byDepartment,
            List<Share> byChannel,
            List<Recent> recent) {}

    public Data data(ReportPeriod period, Actor actor) {
        ReportFilter filter = new ReportFilter(period, null, null, null, null, null);
        ReportScope scope = new ReportScope(filter, actor, search);
        List<List<Share>> shares = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Object[] row : scope.rows(
                entityManager,
                "select grouping(s.id), grouping(t.priority), grouping(d.id), s.id, s.name, t.priority, d.id,"
                        + " d.name, t.channel, count(*) from " + scope.from()
                        + " join ticket_statuses s on s.id = t.status_id"
                        + " left join departments d on d.id = t.department_id where " + scope.tickets() + " and "
                        + within("t.created_at") + " group by grouping sets ((s.id, s.name), (t.priority),"
                        + " (d.id, d.name), (t.channel)) order by 10 desc")) {
            long tickets = ((Number) row[9]).longValue();
            if (((Number) row[0]).intValue() == 0) {
                shares.get(0).add(new Share(((Number) row[3]).longValue(), (String) row[4], tickets));
            } else if (((Number) row[1]).intValue() == 0) {
                shares.get(1).add(new Share(null, (String) row[5], tickets));
            } else if (((Number) row[2]).intValue() == 0) {
                shares.get(2)
                        .add(new Share(
                                row[6] == null ? null : ((Number) row[6]).longValue(), (String) row[7], tickets));
            } else {
                shares.get(3).add(new Share(null, (String) row[8], tickets));
            }
        }
        return new Data(
                reports.volume(filter, actor),
                waiting(scope),
                shares.get(0),
                shares.get(1),
                shares.get(2),
                shares.get(3),
                recent(scope));
    }

    private Waiting waiting(ReportScope scope) {
        Object[] row = scope.rows(
                        entityManager,
                        "select count(*), count(*) filter (where t.assignee_id is null),"
                                + " count(*) filter (where t.due_at < :now), count(*) filter (where exists (select 1"
                                + " from ticket_sla_metrics m where m.ticket_id = t.id and m.breached_at is not"
                                + " null)) from " + scope.from()
                                + " join ticket_report_facts f on f.ticket_id = t.id where "
                                + scope.tickets() + " and f.solved_at is null",
                        Map.of("now", ReportScope.utc(clock.instant())))
                .getFirst();
        return new Waiting(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    private List<Recent> recent(ReportScope scope) {
        return scope
                .rows(
                        entityManager,
                        "select t.id, t.number, t.subject, s.name, t.priority, t.created_at from " + scope.from()
                                + " join ticket_statuses s on s.id = t.status_id where " + scope.tickets()
                                + " order by t.created_at desc, t.id desc limit 5")
                .stream()
                .map(row -> new Recent(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        row[5] instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) row[5]))
                .toList();
    }

    /** One step of getting a workspace going, and whether it is done. */
    public record Step(String key, String title, boolean done) {}

    /** The onboarding checklist, computed from the workspace's state. */
    public record GetStarted(List<Step> steps, int done, int total, int percent) {}

    private static final Map<String, String> STEPS = Map.of(
            "workspace_configured", "Set the workspace's name, time zone and language",
            "outgoing_mail_configured", "Configure outgoing mail (SMTP)",
            "mailbox_connected", "Connect a support mailbox",
            "department_created", "Create a department",
            "agent_invited", "Invite your first agent",
            "sla_policy_set", "Turn SLAs on with an active policy",
            "first_ticket_received", "Receive your first ticket",
            "first_ticket_answered", "Answer your first ticket",
            "kb_article_published", "Publish a knowledge base article");

    private static final List<String> STEP_ORDER = List.of(
            "workspace_configured",
            "outgoing_mail_configured",
            "mailbox_connected",
            "department_created",
            "agent_invited",
            "sla_policy_set",
            "first_ticket_received",
            "first_ticket_answered",
            "kb_article_published");

    public GetStarted getStarted() {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select exists (select 1 from workspace_settings), exists (select 1 from"
                        + " mail_settings), exists (select 1 from mailboxes), exists (select 1 from departments),"
                        + " (select count(*) from agents where active) > 1, exists (select 1 from sla_config where"
                        + " allow_sla) and exists (select 1 from sla_policies where active), exists (select 1 from"
                        + " tickets), exists (select 1 from tickets where first_response_at is not null),"
                        + " exists (select 1 from kb_articles where status = 'PUBLISHED')")
                .getSingleResult();
        List<Step> steps = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < STEP_ORDER.size(); i++) {
            boolean finished = (Boolean) row[i];
            done += finished ? 1 : 0;
            steps.add(new Step(STEP_ORDER.get(i), STEPS.get(STEP_ORDER.get(i)), finished));
        }
        return new GetStarted(steps, done, steps.size(), done * 100 / steps.size());
    }
}
