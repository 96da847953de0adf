package io.safaridesk.domain.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRuleRepository extends JpaRepository<AssignmentRule, Long> {

    List<AssignmentRule> findAllByOrderByPositionAscIdAsc();

    List<AssignmentRule> findByActiveTrueOrderByPositionAscIdAsc();
}
