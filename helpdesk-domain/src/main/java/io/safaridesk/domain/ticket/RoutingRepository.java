package io.safaridesk.domain.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The SQL behind automatic assignment: department row locks, the round-robin position and agents' open work. */
interface RoutingRepository extends Repository<Ticket, Long> {

    /** A department's assignment mode and round-robin position, under its row lock until the transaction ends. */
    interface Slot {
        String getAssignmentMode();

        Long getLastAssignedAgentId();
    }

    @Query(
            nativeQuery = true,
            value = "select assignment_mode as assignmentMode, last_assigned_agent_id as lastAssignedAgentId"
                    + " from departments where id = :department for update")
    Optional<Slot> lockDepartment(@Param("department") long departmentId);

    @Modifying
    @Query(nativeQuery = true, value = "update departments set last_assigned_agent_id = :agent where id = :department")
    void advance(@Param("department") long departmentId, @Param("agent") long agentId);

    /** The department's members that take work now (active, not deleted, available), in id order. */
    @Query(
            nativeQuery = true,
            value = "select a.id from agents a join agent_departments m on m.agent_id = a.id"
                    + " where m.department_id = :department and a.active and a.available and a.deleted_at is null"
                    + " order by a.id")
    List<Long> availableMembers(@Param("department") long departmentId);

    /** Of the department's available members, the one with the fewest open and pending tickets (ties: lowest id). */
    @Query(
            nativeQuery = true,
            value = "select a.id from agents a join agent_departments m on m.agent_id = a.id"
                    + " left join tickets t on t.assignee_id = a.id and t.merged_into_id is null"
                    + " and t.trashed_at is null and t.status_id in"
                    + " (select s.id from ticket_statuses s where s.category in ('OPEN', 'PENDING'))"
                    + " where m.department_id = :department and a.active and a.available and a.deleted_at is null"
                    + " group by a.id order by count(t.id), a.id limit 1")
    Optional<Long> leastLoadedMember(@Param("department") long departmentId);
}
