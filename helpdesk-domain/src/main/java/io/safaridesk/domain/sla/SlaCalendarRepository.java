package io.safaridesk.domain.sla;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaCalendarRepository extends JpaRepository<SlaCalendar, Long> {

    List<SlaCalendar> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);
}
