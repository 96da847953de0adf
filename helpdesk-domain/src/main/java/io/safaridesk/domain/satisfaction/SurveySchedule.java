package io.safaridesk.domain.satisfaction;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.StatusCategory;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketChanged;
import io.safaridesk.domain.ticket.TicketEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules and cancels surveys in the transaction of each status change (through {@link TicketChanged}): a solve
 * (RESOLVED or CLOSED from OPEN or PENDING) schedules one survey for the workspace's delay, if surveys are on and the
 * ticket is neither internal nor merged away; RESOLVED to CLOSED is the same episode and schedules nothing; a reopen
 * cancels the episode's survey if it has not gone yet.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SurveySchedule {

    @PersistenceContext
    private EntityManager entityManager;

    private final SurveySettings settings;

    SurveySchedule(SurveySettings settings) {
        this.settings = settings;
    }

    @EventListener
    void on(TicketChanged changed) {
        if (!(changed.event() instanceof TicketEvent.TicketStatusChanged moved)) {
            return;
        }
        boolean wasSolved = solved(categoryOf(moved.fromStatus()));
        boolean isSolved = solved(moved.toCategory());
        if (isSolved && !wasSolved) {
            schedule(changed.ticket(), moved);
        } else if (wasSolved && !isSolved) {
            entityManager
                    .createNativeQuery("update satisfaction_surveys set state = 'CANCELLED'"
                            + " where ticket_id = :ticket and state = 'SCHEDULED'")
                    .setParameter("ticket", changed.ticket().id())
                    .executeUpdate();
        }
    }

    private void schedule(Ticket ticket, TicketEvent.TicketStatusChanged moved) {
        SatisfactionSettings current = settings.current();
        if (!current.enabled() || ticket.channel() == Channel.INTERNAL || ticket.mergedIntoId() != null) {
            return;
        }
        entityManager
                .createNativeQuery("insert into satisfaction_surveys (ticket_id, agent_id, department_id, solved_at,"
                        + " send_after) values (:ticket, cast(:agent as bigint), cast(:department as bigint), :at,"
                        + " :sendAfter) on conflict do nothing")
                .setParameter("ticket", ticket.id())
                .setParameter("agent", ticket.assigneeId())
                .setParameter("department", ticket.departmentId())
                .setParameter("at", moved.at().atOffset(ZoneOffset.UTC))
                .setParameter(
                        "sendAfter",
                        moved.at()
                                .plus(Duration.ofMinutes(current.delayMinutes()))
                                .atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    private StatusCategory categoryOf(String status) {
        if (status == null) {
            return null;
        }
        List<?> rows = entityManager
                .createNativeQuery("select category from ticket_statuses where lower(name) = lower(:name)")
                .setParameter("name", status)
                .getResultList();
        return rows.isEmpty() ? null : StatusCategory.valueOf((String) rows.getFirst());
    }

    private static boolean solved(StatusCategory category) {
        return category == StatusCategory.RESOLVED || category == StatusCategory.CLOSED;
    }
}
