package io.safaridesk.provisioning.saga;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The provisioning jobs in {@code platform.provisioning_jobs}, the steps they completed, and the runners' leases. */
@Component
public class ProvisioningJobs {

    private final JdbcClient jdbc;

    ProvisioningJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job as operators see it. */
    public record Job(
            UUID tenantId,
            String status,
            int attempts,
            Instant notBefore,
            String lastError,
            Set<ProvisioningStep> completedSteps) {}

    /**
     * Queues a job for the workspace, or puts its existing job back in the queue (resume); a job that a runner holds
     * is left to it, so that no two runners work on one job.
     */
    public void enqueue(UUID tenantId) {
        jdbc.sql("insert into platform.provisioning_jobs (tenant_id, status) values (?, 'PENDING') on conflict"
                        + " (tenant_id) do update set status = 'PENDING', not_before = now(), lease_until = null,"
                        + " attempts = 0, queued_at = now(), updated_at = now() where not"
                        + " (provisioning_jobs.status = 'RUNNING' and provisioning_jobs.lease_until > now())")
                .param(tenantId)
                .update();
    }

    /**
     * Takes the next due job (or one whose runner died: its lease ran out) for this runner, for {@code lease}. Safe
     * with several runners: a job is taken by one at a time.
     */
    Optional<UUID> claimNext(Duration lease) {
        return jdbc.sql("update platform.provisioning_jobs set status = 'RUNNING', lease_until = now() + ?::interval,"
                        + " updated_at = now() where tenant_id = (select tenant_id from"
                        + " platform.provisioning_jobs where (status = 'PENDING' and not_before <= now()) or (status ="
                        + " 'RUNNING' and lease_until < now()) order by not_before limit 1 for update skip locked)"
                        + " returning tenant_id")
                .param(lease.toSeconds() + " seconds")
                .query(UUID.class)
                .optional();
    }

    /**
     * Takes this workspace's job, due or not, unless a runner holds it (its lease has not run out) or it is finished:
     * for an operator who waits for that one workspace.
     */
    boolean claim(UUID tenantId, Duration lease) {
        return jdbc.sql("update platform.provisioning_jobs set status = 'RUNNING', lease_until = now() + ?::interval,"
                                + " updated_at = now() where tenant_id = ? and (status = 'PENDING' or (status = 'RUNNING' and"
                                + " lease_until < now()))")
                        .params(lease.toSeconds() + " seconds", tenantId)
                        .update()
                > 0;
    }

    /** Whether the job was (re)queued longer than {@code limit} ago. */
    boolean queuedLongerThan(UUID tenantId, Duration limit) {
        return jdbc.sql("select queued_at < now() - ?::interval from platform.provisioning_jobs where tenant_id = ?")
                .params(limit.toMillis() + " milliseconds", tenantId)
                .query(Boolean.class)
                .single();
    }

    Set<ProvisioningStep> completedSteps(UUID tenantId) {
        Set<ProvisioningStep> steps = EnumSet.noneOf(ProvisioningStep.class);
        jdbc.sql("select step from platform.provisioning_steps where tenant_id = ?")
                .param(tenantId)
                .query(String.class)
                .list()
                .forEach(step -> steps.add(ProvisioningStep.valueOf(step)));
        return steps;
    }

    void stepCompleted(UUID tenantId, ProvisioningStep step) {
        jdbc.sql("insert into platform.provisioning_steps (tenant_id, step) values (?, ?) on conflict do nothing")
                .params(tenantId, step.name())
                .update();
    }

    /** Takes back a step whose result is gone, so that the next attempt runs it again. */
    void stepUndone(UUID tenantId, ProvisioningStep step) {
        jdbc.sql("delete from platform.provisioning_steps where tenant_id = ? and step = ?")
                .params(tenantId, step.name())
                .update();
    }

    void done(UUID tenantId) {
        finish(tenantId, "DONE", null);
    }

    void failed(UUID tenantId, String error) {
        finish(tenantId, "FAILED", error);
    }

    void retryLater(UUID tenantId, String error, Duration delay) {
        jdbc.sql("update platform.provisioning_jobs set status = 'PENDING', lease_until = null, last_error = ?,"
                        + " not_before = ?, updated_at = now() where tenant_id = ?")
                .params(error, Timestamp.from(Instant.now().plus(delay)), tenantId)
                .update();
    }

    /** Counts one more try at the job; returns how many there have been since it was (re)queued. */
    int attemptStarted(UUID tenantId) {
        return jdbc.sql("update platform.provisioning_jobs set attempts = attempts + 1, updated_at = now() where"
                        + " tenant_id = ? returning attempts")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }

    public Optional<Job> find(UUID tenantId) {
        return jdbc.sql("select status, attempts, not_before, last_error from platform.provisioning_jobs where"
                        + " tenant_id = ?")
                .param(tenantId)
                .query((rs, n) -> new Job(
                        tenantId,
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("not_before").toInstant(),
                        rs.getString("last_error"),
                        completedSteps(tenantId)))
                .optional();
    }

    private void finish(UUID tenantId, String status, String error) {
        jdbc.sql("update platform.provisioning_jobs set status = ?, lease_until = null, last_error = ?, updated_at ="
                        + " now() where tenant_id = ?")
                .params(status, error, tenantId)
                .update();
    }
}
