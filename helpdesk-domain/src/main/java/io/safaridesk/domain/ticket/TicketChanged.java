package io.safaridesk.domain.ticket;

/**
 * Published in-process (Spring application event), inside the transaction of the change, for every {@link TicketEvent}
 * the journal records: {@code ticket} is the ticket as the change left it. Listeners that keep derived state (the SLA
 * clocks) update it in the same transaction, so it commits or rolls back with the change.
 */
public record TicketChanged(Ticket ticket, TicketEvent event) {}
