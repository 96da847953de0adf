package io.safaridesk.domain.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, Long> {

    List<TicketAttachment> findByTicketIdOrderByIdAsc(long ticketId);

    /** The attachments of the ticket's public replies: what the requester may see. */
    @Query("select a from TicketAttachment a where a.ticketId = :ticket and a.messageId in"
            + " (select m.id from TicketMessage m where m.ticketId = :ticket"
            + " and m.visibility = io.safaridesk.domain.ticket.MessageVisibility.PUBLIC) order by a.id")
    List<TicketAttachment> findPublicByTicketId(@Param("ticket") long ticketId);

    Optional<TicketAttachment> findByIdAndTicketId(long id, long ticketId);
}
