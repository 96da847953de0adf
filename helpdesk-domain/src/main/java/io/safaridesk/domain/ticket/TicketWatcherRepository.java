package io.safaridesk.domain.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The {@code ticket_watchers} join table, which has no entity of its own. */
interface TicketWatcherRepository extends Repository<TicketMessage, Long> {

    @Query(
            nativeQuery = true,
            value = "select agent_id from ticket_watchers where ticket_id = :ticket order by agent_id")
    List<Long> watchersOf(@Param("ticket") long ticketId);

    @Modifying
    @Query(
            nativeQuery = true,
            value = "insert into ticket_watchers (ticket_id, agent_id) values (:ticket, :agent) on conflict do nothing")
    int watch(@Param("ticket") long ticketId, @Param("agent") long agentId);

    @Modifying
    @Query(nativeQuery = true, value = "delete from ticket_watchers where ticket_id = :ticket and agent_id = :agent")
    int unwatch(@Param("ticket") long ticketId, @Param("agent") long agentId);
}
