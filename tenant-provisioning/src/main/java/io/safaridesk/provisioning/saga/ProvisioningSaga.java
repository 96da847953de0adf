package io.safaridesk.provisioning.saga;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.events.TenantProvisioned;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.provisioning.cell.NoCellAvailable;
import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.events.PlatformOutbox;
import io.safaridesk.provisioning.realm.AdminSpec;
import io.safaridesk.provisioning.realm.KeycloakUnavailable;
import io.safaridesk.provisioning.realm.PasswordHash;
import io.safaridesk.provisioning.realm.RealmMissing;
import io.safaridesk.provisioning.realm.RealmSpec;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions one workspace: schema and migrations beside realm (placed in a realm cell) and first admin, then
 * activation. Each step is idempotent and recorded
 * when done, so a crash or a failure anywhere resumes at the step that did not finish; the workspace is marked active
 * only by the last step, together with its TenantProvisioned event.
 */
@Component
public class ProvisioningSaga {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSaga.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final TenantRegistry tenants;
    private final ProvisioningJobs jobs;
    private final TenantSchemas schemas;
    private final RealmCells cells;
    private final PlatformOutbox outbox;
    private final TransactionTemplate transaction;
    private final StepObserver observer;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration giveUpAfter;
    private final MeterRegistry meters;

    ProvisioningSaga(
            TenantRegistry tenants,
            ProvisioningJobs jobs,
            TenantSchemas schemas,
            RealmCells cells,
            PlatformOutbox outbox,
            TransactionTemplate transaction,
            ObjectProvider<StepObserver> observer,
            Clock clock,
            @Value("${safaridesk.provisioning.max-attempts:20}") int maxAttempts,
            @Value("${safaridesk.provisioning.give-up-after:30m}") Duration giveUpAfter,
            MeterRegistry meters) {
        this.tenants = tenants;
        this.jobs = jobs;
        this.schemas = schemas;
        this.cells = cells;
        this.outbox = outbox;
        this.transaction = transaction;
        this.observer = observer.getIfAvailable(() -> StepObserver.NONE);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.giveUpAfter = giveUpAfter;
        this.meters = meters;
    }

    /** How running a job ended. */
    public enum Outcome {
        DONE,
        RETRY_LATER,
        FAILED
    }

    /**
     * Runs the job's remaining steps. A failure of a service that may come back (Keycloak, PostgreSQL, RabbitMQ down)
     * schedules a retry with backoff; any other failure is retried {@code max-attempts} times. Either way a job not
     * finished {@code give-up-after} after it was queued marks the workspace FAILED, with the reason, for an operator
     * to look at.
     */
    public Outcome runJob(UUID tenantId) {
        Outcome outcome = attempt(tenantId);
        meters.counter("safaridesk.provisioning.jobs", "outcome", outcome.name().toLowerCase())
                .increment();
        return outcome;
    }

    /**
     * Runs the job on this thread (an operator waiting for it) if no runner holds it; empty when one does, or when the
     * job is finished.
     */
    public Optional<Outcome> runJobUnlessHeld(UUID tenantId) {
        return jobs.claim(tenantId, ProvisioningRunner.LEASE) ? Optional.of(runJob(tenantId)) : Optional.empty();
    }

    private Outcome attempt(UUID tenantId) {
        int attempts = jobs.attemptStarted(tenantId);
        try {
            runRemainingSteps(tenantId);
            jobs.done(tenantId);
            return Outcome.DONE;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!isTransient(e) && attempts >= maxAttempts) {
                log.error("Provisioning of {} failed for good after {} attempts", tenantId, attempts, e);
                return failed(tenantId, error);
            }
            if (jobs.queuedLongerThan(tenantId, giveUpAfter)) {
                log.error("Provisioning of {} given up: not finished within {}", tenantId, giveUpAfter, e);
                return failed(
                        tenantId,
                        "Not finished within " + inWords(giveUpAfter)
                                + " (safaridesk.provisioning.give-up-after); last error: " + error);
            }
            Duration backoff = backoff(attempts);
            log.warn("Provisioning of {} paused ({}); retrying in {} s", tenantId, error, backoff.toSeconds());
            jobs.retryLater(tenantId, error, backoff);
            return Outcome.RETRY_LATER;
        }
    }

    private Outcome failed(UUID tenantId, String reason) {
        transaction.executeWithoutResult(status -> {
            Tenant tenant = tenants.findById(tenantId).orElseThrow();
            tenant.provisioningFailed();
            tenants.save(tenant);
            jobs.failed(tenantId, reason);
        });
        return Outcome.FAILED;
    }

    /**
     * Runs the steps not yet done: the database track on a virtual thread beside the Keycloak track on this one (a
     * realm takes as long as a schema's migrations), then the last step once both succeeded. A failure in one track
     * lets the other finish before it is thrown, so that no step of this job is still running when it is retried.
     */
    void runRemainingSteps(UUID tenantId) {
        Set<ProvisioningStep> done = jobs.completedSteps(tenantId);
        RuntimeException failure = null;
        try (ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> database = beside.submit(() -> runTrack(tenantId, done, ProvisioningStep.Track.DATABASE));
            try {
                runTrack(tenantId, done, ProvisioningStep.Track.KEYCLOAK);
            } catch (RuntimeException keycloakFailed) {
                failure = keycloakFailed;
            }
            try {
                database.get();
            } catch (ExecutionException databaseFailed) {
                RuntimeException cause = databaseFailed.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(databaseFailed.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while provisioning " + tenantId, interrupted);
            }
        }
        if (failure != null) {
            throw failure;
        }
        runTrack(tenantId, done, ProvisioningStep.Track.LAST);
    }

    private void runTrack(UUID tenantId, Set<ProvisioningStep> done, ProvisioningStep.Track track) {
        for (ProvisioningStep step : ProvisioningStep.values()) {
            if (step.track() == track && !done.contains(step)) {
                Timer.Sample sample = Timer.start(meters);
                String outcome = "failure";
                try {
                    observer.beforeStep(tenantId, step);
                    execute(step, tenants.findById(tenantId).orElseThrow());
                    outcome = "success";
                } finally {
                    sample.stop(meters.timer(
                            "safaridesk.provisioning.step", "step", step.name().toLowerCase(), "outcome", outcome));
                }
                log.info("Provisioning {}: {} done", tenantId, step);
            }
        }
    }

    private void execute(ProvisioningStep step, Tenant tenant) {
        switch (step) {
            case CREATE_SCHEMA -> {
                schemas.create(tenant.slug());
                jobs.stepCompleted(tenant.id(), step);
            }
            case MIGRATE_SCHEMA -> {
                schemas.migrate(tenant.slug());
                jobs.stepCompleted(tenant.id(), step);
            }
            case CREATE_REALM -> createRealmInACell(tenant);
            case CREATE_ADMIN -> {
                try {
                    cells.realms(tenant.cell()).ensureAdmin(tenant.slug().realmName(), adminOf(tenant));
                } catch (RealmMissing missing) {
                    // the next attempt makes sure of the realm again (it finds a late one, or makes it anew)
                    jobs.stepUndone(tenant.id(), ProvisioningStep.CREATE_REALM);
                    throw missing;
                }
                transaction.executeWithoutResult(status -> {
                    tenant.adminCreated();
                    tenants.save(tenant);
                    jobs.stepCompleted(tenant.id(), step);
                });
            }
            case ACTIVATE ->
                transaction.executeWithoutResult(status -> {
                    tenant.activate(tenant.realmIssuer());
                    tenants.save(tenant);
                    outbox.record(
                            tenant.slug().value(),
                            EventTopology.TENANT_PROVISIONED,
                            new TenantProvisioned(
                                    tenant.id(),
                                    tenant.slug().value(),
                                    tenant.businessName(),
                                    tenant.domain(),
                                    tenant.adminEmail(),
                                    clock.instant()));
                    jobs.stepCompleted(tenant.id(), step);
                });
        }
    }

    /**
     * Places the realm in the least loaded open cell with room (unless a previous attempt placed it) and creates it
     * there. A cell that does not answer is passed over: the workspace is placed in another at once, or waits
     * ({@link NoCellAvailable}) when none can take it. A realm that an unanswered request may have made in the
     * unreachable cell is left there, empty.
     */
    private void createRealmInACell(Tenant tenant) {
        RealmSpec spec = new RealmSpec(tenant.slug().realmName(), tenant.businessName());
        while (true) {
            if (tenant.cell() == null) {
                transaction.executeWithoutResult(status -> {
                    RealmCell cell = cells.choose();
                    tenant.placeIn(cell.name(), cell.baseUrl().toString());
                    tenants.save(tenant);
                    cells.refreshStates();
                });
                log.info("Provisioning {}: realm placed in cell {}", tenant.id(), tenant.cell());
            }
            try {
                cells.realms(tenant.cell()).ensureRealm(spec);
                jobs.stepCompleted(tenant.id(), ProvisioningStep.CREATE_REALM);
                return;
            } catch (KeycloakUnavailable down) {
                cells.unreachable(tenant.cell());
                transaction.executeWithoutResult(status -> {
                    tenant.unplaced();
                    tenants.save(tenant);
                    cells.refreshStates();
                });
            }
        }
    }

    /** The first admin; the stored hash is dropped only together with this step's completion. */
    private static AdminSpec adminOf(Tenant tenant) {
        String[] names = tenant.adminName().trim().split("\\s+", 2);
        return new AdminSpec(
                tenant.adminEmail(),
                names[0],
                names.length > 1 ? names[1] : names[0],
                PasswordHash.fromStoredForm(tenant.adminPasswordCredential()));
    }

    private static boolean isTransient(RuntimeException e) {
        return e instanceof KeycloakUnavailable
                || e instanceof RealmMissing
                || e instanceof NoCellAvailable
                || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof AmqpException;
    }

    private static String inWords(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 6);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }
}
