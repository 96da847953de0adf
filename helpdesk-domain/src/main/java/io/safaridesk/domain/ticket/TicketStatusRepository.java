package io.safaridesk.domain.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketStatusRepository extends JpaRepository<TicketStatus, Long> {

    List<TicketStatus> findAllByOrderByPositionAscIdAsc();

    /** Every status with its allowed transitions, in one statement. */
    @Query("select distinct s from TicketStatus s left join fetch s.allowedNext order by s.position, s.id")
    List<TicketStatus> findAllWithTransitions();

    Optional<TicketStatus> findByDefaultStatusTrue();

    Optional<TicketStatus> findByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);
}
