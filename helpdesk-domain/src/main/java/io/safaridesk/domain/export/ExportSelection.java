package io.safaridesk.domain.export;

import io.safaridesk.domain.ticket.TicketQuery;
import java.util.List;

/**
 * Which tickets an export holds, as stored with it: either the tickets of {@code ticketIds} (the seed's export of
 * selected tickets) or every ticket of the list {@code query} describes (its page is ignored). Either way only what the
 * requesting user sees when the export runs.
 */
public record ExportSelection(List<Long> ticketIds, TicketQuery query) {

    public ExportSelection {
        ticketIds = ticketIds == null ? null : List.copyOf(ticketIds);
        if ((ticketIds == null) == (query == null)) {
            throw new IllegalArgumentException("An export selects by ids or by a query, one of them");
        }
    }

    public static ExportSelection ofIds(List<Long> ticketIds) {
        return new ExportSelection(ticketIds, null);
    }

    public static ExportSelection ofQuery(TicketQuery query) {
        return new ExportSelection(null, query);
    }
}
