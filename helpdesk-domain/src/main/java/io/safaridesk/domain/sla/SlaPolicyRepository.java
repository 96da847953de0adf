package io.safaridesk.domain.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    List<SlaPolicy> findAllByOrderByPositionAscIdAsc();

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);

    boolean existsByCalendarId(long calendarId);

    long count();
}
