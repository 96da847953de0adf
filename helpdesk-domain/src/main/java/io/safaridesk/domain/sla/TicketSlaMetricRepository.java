package io.safaridesk.domain.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketSlaMetricRepository extends JpaRepository<TicketSlaMetric, Long> {

    List<TicketSlaMetric> findByTicketIdOrderByMetric(long ticketId);

    Optional<TicketSlaMetric> findByTicketIdAndMetric(long ticketId, SlaMetric metric);

    @Query(
            value = "select distinct ticket_id from ticket_sla_metrics where policy_id = :policyId"
                    + " and state in ('RUNNING', 'PAUSED')",
            nativeQuery = true)
    List<Long> ticketsRunningOn(long policyId);

    /** Locks up to {@code limit} clocks past their at-risk share, skipping those another sweeper holds. */
    @Query(
            value = "select id from ticket_sla_metrics where state = 'RUNNING' and at_risk_raised_at is null"
                    + " and at_risk_at <= :now order by at_risk_at limit :limit for update skip locked",
            nativeQuery = true)
    List<Long> lockAtRisk(Instant now, int limit);

    /** Locks up to {@code limit} clocks past their target, skipping those another sweeper holds. */
    @Query(
            value = "select id from ticket_sla_metrics where state = 'RUNNING' and breached_at is null"
                    + " and due_at <= :now order by due_at limit :limit for update skip locked",
            nativeQuery = true)
    List<Long> lockDue(Instant now, int limit);

    /** Claims the at-risk crossings of clocks this transaction has locked. */
    @Modifying(flushAutomatically = true)
    @Query(
            value = "update ticket_sla_metrics set at_risk_raised_at = :now where id in (:ids)"
                    + " and at_risk_raised_at is null",
            nativeQuery = true)
    int claimAtRisks(List<Long> ids, Instant now);

    /** Claims the breaches of clocks this transaction has locked. */
    @Modifying(flushAutomatically = true)
    @Query(
            value = "update ticket_sla_metrics set breached_at = :now where id in (:ids) and breached_at is null",
            nativeQuery = true)
    int claimBreaches(List<Long> ids, Instant now);

    /** Claims the at-risk crossing of a clock: 1 for the one caller that raises it, 0 for every other. */
    @Modifying(flushAutomatically = true)
    @Query(
            value = "update ticket_sla_metrics set at_risk_raised_at = :now where id = :id and state = 'RUNNING'"
                    + " and at_risk_raised_at is null and at_risk_at <= :now",
            nativeQuery = true)
    int claimAtRisk(long id, Instant now);

    /** Claims the breach of a clock: 1 for the one caller that raises it, 0 for every other. */
    @Modifying(flushAutomatically = true)
    @Query(
            value = "update ticket_sla_metrics set breached_at = :now where id = :id and state = 'RUNNING'"
                    + " and breached_at is null and due_at <= :now",
            nativeQuery = true)
    int claimBreach(long id, Instant now);
}
