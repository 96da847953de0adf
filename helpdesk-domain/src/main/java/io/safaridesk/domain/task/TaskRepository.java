package io.safaridesk.domain.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskRepository extends JpaRepository<Task, Long> {

    Optional<Task> findByNumber(long number);

    /** The next task number; the counter row stays locked until the transaction ends, so numbers have no gaps. */
    @Query(
            nativeQuery = true,
            value = "update task_number_counter set last_number = last_number + 1 returning last_number")
    long nextNumber();

    /** One open task of a ticket. */
    interface OpenTask {
        long getTicketId();

        long getNumber();
    }

    @Query(
            nativeQuery = true,
            value = "select ticket_id as ticketId, number from tasks where ticket_id in (:tickets)"
                    + " and status not in ('DONE', 'CANCELLED') and trashed_at is null order by ticket_id, number")
    List<OpenTask> openTasksOf(@Param("tickets") Collection<Long> ticketIds);
}
