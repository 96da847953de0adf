package io.safaridesk.domain.ticket;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findByNumber(long number);

    /** The next ticket number; the counter row stays locked until the transaction ends, so numbers have no gaps. */
    @Query(
            nativeQuery = true,
            value = "update ticket_number_counter set last_number = last_number + 1 returning last_number")
    long nextNumber();

    @Query(
            nativeQuery = true,
            value = "select exists (select 1 from ticket_watchers where ticket_id = :ticket and agent_id = :agent)")
    boolean isWatchedBy(@Param("ticket") long ticketId, @Param("agent") long agentId);
}
