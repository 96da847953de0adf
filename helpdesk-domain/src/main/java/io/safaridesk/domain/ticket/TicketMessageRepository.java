package io.safaridesk.domain.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketMessageRepository extends JpaRepository<TicketMessage, Long> {

    List<TicketMessage> findByTicketIdAndIdGreaterThanOrderByIdAsc(long ticketId, long afterId, Limit limit);

    List<TicketMessage> findByTicketIdAndVisibilityAndIdGreaterThanOrderByIdAsc(
            long ticketId, MessageVisibility visibility, long afterId, Limit limit);

    Optional<TicketMessage> findByIdAndTicketId(long id, long ticketId);

    @Modifying
    @Query(
            nativeQuery = true,
            value =
                    "insert into ticket_mentions (message_id, agent_id) values (:message, :agent) on conflict do nothing")
    int mention(@Param("message") long messageId, @Param("agent") long agentId);

    /** One mention: who was mentioned in which message. */
    interface Mention {
        long getMessageId();

        long getAgentId();
    }

    @Query(
            nativeQuery = true,
            value = "select message_id as messageId, agent_id as agentId from ticket_mentions"
                    + " where message_id in (:messages) order by message_id, agent_id")
    List<Mention> mentionsIn(@Param("messages") Collection<Long> messageIds);
}
