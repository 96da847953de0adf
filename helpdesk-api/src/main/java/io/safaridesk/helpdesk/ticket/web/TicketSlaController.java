package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.sla.SlaMetric;
import io.safaridesk.domain.sla.TicketSla;
import io.safaridesk.domain.sla.TicketSlaEvent;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tickets")
@RestController
class TicketSlaController {

    private final TicketSla sla;

    TicketSlaController(TicketSla sla) {
        this.sla = sla;
    }

    /** Durations in seconds of business time; remaining is negative past the target. */
    record MetricView(
            SlaMetric metric,
            Long policyId,
            int cycle,
            Instant startedAt,
            long targetSeconds,
            Instant dueAt,
            long elapsedSeconds,
            long remainingSeconds,
            String status,
            Instant metAt,
            Instant atRiskAt,
            Instant breachedAt) {

        static MetricView of(TicketSla.MetricState m) {
            return new MetricView(
                    m.metric(),
                    m.policyId(),
                    m.cycle(),
                    m.startedAt(),
                    m.target().toSeconds(),
                    m.dueAt(),
                    m.elapsed().toSeconds(),
                    m.remaining().toSeconds(),
                    m.status().name().toLowerCase(java.util.Locale.ROOT),
                    m.metAt(),
                    m.atRiskRaisedAt(),
                    m.breachedAt());
        }
    }

    record EventView(
            long id,
            SlaMetric metric,
            int cycle,
            String kind,
            Instant at,
            long targetSeconds,
            long elapsedSeconds,
            Instant dueAt,
            String detail) {

        static EventView of(TicketSlaEvent e) {
            return new EventView(
                    e.id(),
                    e.metric(),
                    e.cycle(),
                    e.kind().name().toLowerCase(java.util.Locale.ROOT),
                    e.at(),
                    e.targetMinutes() * 60L,
                    e.elapsed().toSeconds(),
                    e.dueAt(),
                    e.detail());
        }
    }

    record SlaView(
            long ticketId,
            boolean slaEnabled,
            Instant at,
            List<MetricView> metrics,
            List<EventView> events,
            String nextCursor) {

        static SlaView of(TicketSla.State s) {
            List<EventView> events = s.log().stream().map(EventView::of).toList();
            return new SlaView(
                    s.ticketId(),
                    s.enabled(),
                    s.at(),
                    s.metrics().stream().map(MetricView::of).toList(),
                    events,
                    events.size() < TicketSla.MAX_EVENTS
                            ? null
                            : Cursor.encodeId(events.getLast().id()));
        }
    }

    @Operation(
            summary = "The ticket's SLA: per metric its target, due time, business time used and left, and status"
                    + " (within, at_risk, breached, met, paused, stopped); and the log of clock events behind them")
    @Callers({ADMIN, AGENT})
    @GetMapping(TicketConversationController.BASE + "/{id}/sla")
    SlaView sla(@PathVariable long id, @RequestParam(required = false) String cursor, Actor actor) {
        return SlaView.of(sla.of(id, actor, Cursor.decodeId(cursor)));
    }

    @Operation(summary = "The seed's path: the SLA of the ticket with this human number (T-1042, or 1042)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/api/v1/ticket/get/sla/{ticketId}")
    SlaView seedSla(@PathVariable String ticketId, Actor actor) {
        return SlaView.of(sla.ofNumber(SeedTicketController.number("ticket_id", ticketId), actor));
    }
}
