package io.safaridesk.domain.export;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketExportRepository extends JpaRepository<TicketExport, Long> {

    /** A user's exports, newest first, before {@code beforeId}. */
    @Query(
            nativeQuery = true,
            value = "select * from ticket_exports where requested_by = :user and id < :before order by id desc"
                    + " limit :limit")
    List<TicketExport> page(@Param("user") String userId, @Param("before") long beforeId, @Param("limit") int limit);

    /** Moves a queued export to RUNNING; answers 1 when this caller now runs it, 0 when another does or did. */
    @Modifying
    @Query(
            nativeQuery = true,
            value =
                    "update ticket_exports set state = 'RUNNING', started_at = :now where id = :id and state = 'QUEUED'")
    int claim(@Param("id") long id, @Param("now") Instant now);

    @Query(
            nativeQuery = true,
            value = "select * from ticket_exports where state = 'READY' and expires_at <= :now order by id limit 100")
    List<TicketExport> expiredBy(@Param("now") Instant now);

    @Query(
            nativeQuery = true,
            value = "select * from ticket_exports where state = 'RUNNING' and started_at < :before order by id"
                    + " limit 100")
    List<TicketExport> runningSince(@Param("before") Instant before);
}
