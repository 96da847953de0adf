package io.safaridesk.domain.report;

import io.safaridesk.domain.sla.BusinessTimeCalculator;
import io.safaridesk.domain.sla.Calendars;
import io.safaridesk.domain.ticket.StatusCategory;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketChanged;
import io.safaridesk.domain.ticket.TicketEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's report facts and its solved/reopened transitions, in the transaction of the change (through
 * {@link TicketChanged}): a new ticket gets its row; the first public agent reply dates the first response; entering a
 * RESOLVED or CLOSED status from an unsolved one is a solve (RESOLVED to CLOSED is not a second one), leaving them for
 * OPEN or PENDING is a reopen. Durations are measured in calendar time and in business time of the calendar of the
 * ticket's SLA clocks.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ReportFacts {

    private final Calendars calendars;

    @PersistenceContext
    private EntityManager entityManager;

    ReportFacts(Calendars calendars) {
        this.calendars = calendars;
    }

    @EventListener
    void on(TicketChanged changed) {
        Ticket ticket = changed.ticket();
        switch (changed.event()) {
            case TicketEvent.TicketCreated created -> opened(ticket);
            case TicketEvent.ReplyAdded reply when reply.authorAgentId() != null -> replied(ticket, reply.at());
            case TicketEvent.TicketStatusChanged moved -> moved(ticket, moved.toCategory(), moved.at());
            default -> {}
        }
    }

    private void opened(Ticket ticket) {
        update("insert into ticket_report_facts (ticket_id) values (:ticket) on conflict do nothing", ticket, null);
    }

    private void replied(Ticket ticket, Instant at) {
        boolean first = at.equals(ticket.firstResponseAt());
        Durations taken = first ? durations(ticket, at) : Durations.NONE;
        update(
                "update ticket_report_facts set agent_replies = agent_replies + 1,"
                        + " first_response_at = coalesce(first_response_at, cast(:at as timestamptz)),"
                        + " first_response_seconds = coalesce(first_response_seconds, cast(:seconds as bigint)),"
                        + " first_response_business_seconds ="
                        + " coalesce(first_response_business_seconds, cast(:business as bigint))"
                        + " where ticket_id = :ticket",
                ticket,
                taken.parameters(first ? at : null));
    }

    private void moved(Ticket ticket, StatusCategory to, Instant at) {
        boolean solved = to == StatusCategory.RESOLVED || to == StatusCategory.CLOSED;
        opened(ticket);
        List<?> current = entityManager
                .createNativeQuery(
                        "select solved_at from ticket_report_facts where ticket_id = :ticket for update", Instant.class)
                .setParameter("ticket", ticket.id())
                .getResultList();
        Object solvedAt = current.getFirst();
        if (solved == (solvedAt != null)) {
            return;
        }
        if (solved) {
            update(
                    "update ticket_report_facts set solved_at = cast(:at as timestamptz),"
                            + " resolution_seconds = cast(:seconds as bigint),"
                            + " resolution_business_seconds = cast(:business as bigint) where ticket_id = :ticket",
                    ticket,
                    durations(ticket, at).parameters(at));
        } else {
            update(
                    "update ticket_report_facts set solved_at = null, resolution_seconds = null,"
                            + " resolution_business_seconds = null, reopen_count = reopen_count + 1"
                            + " where ticket_id = :ticket",
                    ticket,
                    null);
        }
        entityManager
                .createNativeQuery(
                        "insert into ticket_transitions (ticket_id, kind, agent_id, at) values (:ticket, :kind,"
                                + " cast(:agent as bigint), :at)")
                .setParameter("ticket", ticket.id())
                .setParameter("kind", solved ? "SOLVED" : "REOPENED")
                .setParameter("agent", ticket.assigneeId())
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Calendar and business seconds from the ticket's creation to {@code at}. */
    private record Durations(Long seconds, Long business) {
        static final Durations NONE = new Durations(null, null);

        Map<String, Object> parameters(Instant at) {
            Map<String, Object> values = new HashMap<>();
            values.put("at", at == null ? null : at.atOffset(ZoneOffset.UTC));
            values.put("seconds", seconds);
            values.put("business", business);
            return values;
        }
    }

    private Durations durations(Ticket ticket, Instant at) {
        long seconds = Duration.between(ticket.createdAt(), at).toSeconds();
        return new Durations(seconds, businessSeconds(ticket, at));
    }

    private Long businessSeconds(Ticket ticket, Instant at) {
        List<?> calendar = entityManager
                .createNativeQuery(
                        "select calendar_id from ticket_sla_metrics where ticket_id = :ticket order by metric limit 1")
                .setParameter("ticket", ticket.id())
                .getResultList();
        if (calendar.isEmpty()) {
            return null;
        }
        try {
            BusinessTimeCalculator calculator = calendars.calculator(((Number) calendar.getFirst()).longValue());
            return calculator.businessTimeBetween(ticket.createdAt(), at).toSeconds();
        } catch (Calendars.CalendarNotFound gone) {
            return null;
        }
    }

    private void update(String sql, Ticket ticket, Map<String, Object> parameters) {
        var statement = entityManager.createNativeQuery(sql).setParameter("ticket", ticket.id());
        if (parameters != null) {
            parameters.forEach(statement::setParameter);
        }
        statement.executeUpdate();
    }
}
