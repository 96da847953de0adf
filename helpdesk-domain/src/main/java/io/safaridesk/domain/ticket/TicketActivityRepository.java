package io.safaridesk.domain.ticket;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketActivityRepository extends JpaRepository<TicketActivity, Long> {

    List<TicketActivity> findByTicketIdAndIdGreaterThanOrderByIdAsc(long ticketId, long afterId, Limit limit);
}
