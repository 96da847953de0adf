package io.safaridesk.platform.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketStatusRepository extends JpaRepository<TicketStatus, Long> {

    List<TicketStatus> findAllByOrderByPositionAscIdAsc();

    Optional<TicketStatus> findByDefaultStatusTrue();

    Optional<TicketStatus> findByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);
}
