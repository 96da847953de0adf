package io.safaridesk.domain.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketCategoryRepository extends JpaRepository<TicketCategory, Long> {

    List<TicketCategory> findAllByOrderByNameAscIdAsc();

    boolean existsByParentId(long parentId);
}
