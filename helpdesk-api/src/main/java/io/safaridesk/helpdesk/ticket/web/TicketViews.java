package io.safaridesk.helpdesk.ticket.web;

import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketSearch;
import io.safaridesk.domain.ticket.TicketStatus;
import io.safaridesk.domain.ticket.TicketStatuses;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns tickets into {@link TicketView}s, loading statuses, requesters and the number prefix once per response; the
 * work that answers the tickets runs in the same transaction ({@link #after}, {@link #page}).
 */
@Component
@Transactional(readOnly = true)
class TicketViews {

    private final TicketStatuses statuses;
    private final Contacts contacts;
    private final Settings settings;

    TicketViews(TicketStatuses statuses, Contacts contacts, Settings settings) {
        this.statuses = statuses;
        this.contacts = contacts;
        this.settings = settings;
    }

    /** Does {@code work} and shows the ticket it answers, in one transaction. */
    @Transactional
    TicketView after(Supplier<Ticket> work) {
        return of(work.get());
    }

    /** Lists a page and shows its tickets, in one read-only transaction. */
    TicketController.TicketPage page(Supplier<TicketSearch.Page> list) {
        TicketSearch.Page page = list.get();
        return new TicketController.TicketPage(of(page.tickets()), page.nextCursor());
    }

    TicketView of(Ticket ticket) {
        return of(List.of(ticket)).getFirst();
    }

    List<TicketView> of(List<Ticket> tickets) {
        Map<Long, TicketStatus> statusById =
                statuses.list().stream().collect(Collectors.toMap(TicketStatus::id, Function.identity()));
        Map<Long, Contact> requesters = contacts.byIds(
                tickets.stream().map(Ticket::requesterId).distinct().toList());
        String prefix = settings.current().ticketNumberPrefix();
        return tickets.stream()
                .map(t -> view(t, prefix, statusById.get(t.statusId()), requesters.get(t.requesterId())))
                .toList();
    }

    private static TicketView view(Ticket t, String prefix, TicketStatus status, Contact requester) {
        return new TicketView(
                t.id(),
                prefix + t.number(),
                t.number(),
                t.subject(),
                t.descriptionHtml(),
                t.descriptionText(),
                t.channel(),
                new TicketView.StatusView(status.id(), status.name(), status.category()),
                t.priority(),
                new TicketView.RequesterView(requester.id(), requester.name(), requester.email()),
                t.departmentId(),
                t.categoryId(),
                t.assigneeId(),
                t.tags(),
                t.dueAt(),
                t.firstResponseAt(),
                t.resolvedAt(),
                t.closedAt(),
                t.archived(),
                t.trashedAt(),
                t.mergedIntoId(),
                t.createdAt(),
                t.updatedAt(),
                t.version());
    }
}
