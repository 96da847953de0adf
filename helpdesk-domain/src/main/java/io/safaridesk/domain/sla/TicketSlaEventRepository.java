package io.safaridesk.domain.sla;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketSlaEventRepository extends JpaRepository<TicketSlaEvent, Long> {

    List<TicketSlaEvent> findByTicketIdAndIdGreaterThanOrderByIdAsc(long ticketId, long afterId, Limit limit);

    List<TicketSlaEvent> findByTicketIdAndMetricAndCycleOrderByIdAsc(long ticketId, SlaMetric metric, int cycle);
}
