package io.safaridesk.provisioning.operator;

import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.cell.CellConflict;
import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.realm.RealmCopier;
import io.safaridesk.provisioning.saga.ProvisioningJobs;
import io.safaridesk.provisioning.saga.ProvisioningSaga;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import io.safaridesk.provisioning.tenant.TenantStateConflict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators do to workspaces (through the CLI): provision, suspend, resume, migrate, deprovision. */
@Component
public class WorkspaceOperations {

    private final SignUp signUp;
    private final TenantRegistry tenants;
    private final ProvisioningJobs jobs;
    private final ProvisioningSaga saga;
    private final TenantSchemas schemas;
    private final RealmCells cells;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WorkspaceOperations(
            SignUp signUp,
            TenantRegistry tenants,
            ProvisioningJobs jobs,
            ProvisioningSaga saga,
            TenantSchemas schemas,
            RealmCells cells,
            TransactionTemplate transaction,
            Clock clock) {
        this.signUp = signUp;
        this.tenants = tenants;
        this.jobs = jobs;
        this.saga = saga;
        this.schemas = schemas;
        this.cells = cells;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Provisions a workspace for a business, the operator vouching for the admin's email (and, when asked, for the
     * domain); runs the saga right here until it is done or must wait.
     */
    public Tenant provision(SignUp.Registration registration, boolean vouchForDomain, Duration patience) {
        Tenant tenant = signUp.registerByOperator(registration, vouchForDomain);
        return tenant.status() == TenantStatus.PROVISIONING ? runSaga(tenant, patience) : tenant;
    }

    /** Puts a FAILED (or stuck) provisioning back to work and runs it. */
    public Tenant resumeProvisioning(TenantSlug slug, Duration patience) {
        Tenant tenant = tenants.getLive(slug);
        if (tenant.status() == TenantStatus.FAILED) {
            transaction.executeWithoutResult(status -> {
                tenant.retryProvisioning();
                tenants.save(tenant);
            });
        } else if (tenant.status() != TenantStatus.PROVISIONING) {
            throw new TenantStateConflict(slug, tenant.status(), "resume provisioning");
        }
        jobs.enqueue(tenant.id());
        return runSaga(tenant, patience);
    }

    /**
     * Runs the workspace's job on this thread until it is finished or {@code patience} is over. While a runner of the
     * service holds the job, this thread only waits for it: the two never work on one job at once.
     */
    private Tenant runSaga(Tenant tenant, Duration patience) {
        Instant deadline = clock.instant().plus(patience);
        while (true) {
            Optional<ProvisioningSaga.Outcome> outcome = saga.runJobUnlessHeld(tenant.id());
            boolean finished = outcome.map(o -> o != ProvisioningSaga.Outcome.RETRY_LATER)
                    .orElseGet(() -> jobs.find(tenant.id())
                            .map(job ->
                                    job.status().equals("DONE") || job.status().equals("FAILED"))
                            .orElse(true));
            if (finished || !clock.instant().isBefore(deadline)) {
                return tenants.findById(tenant.id()).orElseThrow();
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    public List<Tenant> list(Optional<TenantStatus> status) {
        return tenants.list(status);
    }

    public Tenant show(TenantSlug slug) {
        return tenants.getLive(slug);
    }

    public Optional<ProvisioningJobs.Job> job(Tenant tenant) {
        return jobs.find(tenant.id());
    }

    /** Disables the realm and stops serving the workspace. Suspending a suspended workspace changes nothing. */
    public Tenant suspend(TenantSlug slug) {
        Tenant tenant = tenants.getLive(slug);
        if (tenant.status() != TenantStatus.SUSPENDED) {
            transaction.executeWithoutResult(status -> {
                tenant.suspend();
                tenants.save(tenant);
            });
        }
        cells.realms(tenant.cell()).disableRealm(slug.realmName());
        return tenant;
    }

    public Tenant resume(TenantSlug slug) {
        Tenant tenant = tenants.getLive(slug);
        cells.realms(tenant.cell()).enableRealm(slug.realmName());
        if (tenant.status() != TenantStatus.ACTIVE) {
            transaction.executeWithoutResult(status -> {
                tenant.resume();
                tenants.save(tenant);
            });
        }
        return tenant;
    }

    /** How a move went: the cells, and what was copied. */
    public record MoveResult(String slug, String from, String to, int users, int credentials, Duration readOnlyFor) {}

    /**
     * Moves the workspace's realm to cell {@code target}: marks it read-only (helpdesk-api refuses writes once its
     * directory cache expires), copies the realm with its users and their credentials (secrets read from the source
     * cell's Keycloak database), switches the registry to the new cell and its issuer (tokens of the old cell are
     * refused from then on), and deletes the old realm. A failure before the switch leaves the workspace where it was,
     * writable again; running the move again starts over.
     */
    public MoveResult move(TenantSlug slug, String target) {
        Tenant tenant = tenants.getLive(slug);
        String source = tenant.cell();
        RealmCell to = cells.get(target);
        if (!to.hasRoom() && !target.equals(tenant.movingTo())) {
            throw CellConflict.noRoom(to);
        }
        Instant started = clock.instant();
        transaction.executeWithoutResult(status -> {
            tenant.startMove(target);
            tenants.save(tenant);
        });
        RealmCopier.RealmExport export;
        try {
            // let every helpdesk-api replica's directory cache see the read-only mark before the copy is taken
            sleep(TenantDirectory.TTL.plusSeconds(1));
            String realm = slug.realmName();
            export = cells.copier(source).export(realm, cells.credentials(source, realm));
            cells.copier(target).importRealm(export);
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(status -> {
                tenant.moveAbandoned();
                tenants.save(tenant);
            });
            throw e;
        }
        transaction.executeWithoutResult(status -> {
            tenant.moved(to.baseUrl().toString());
            tenants.save(tenant);
            cells.refreshStates();
        });
        cells.realms(source).deleteRealm(slug.realmName());
        return new MoveResult(
                slug.value(),
                source,
                target,
                export.users(),
                export.credentials(),
                Duration.between(started, clock.instant()));
    }

    /** How migrating one workspace went. */
    public record MigrationResult(String slug, boolean succeeded, int applied, String error) {}

    /** Migrates the given workspaces in parallel; one failure does not stop the others. */
    public List<MigrationResult> migrate(List<TenantSlug> slugs, int parallelism) {
        List<Future<MigrationResult>> futures;
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism))) {
            futures = slugs.stream()
                    .map(slug -> pool.submit(() -> migrateOne(slug)))
                    .toList();
        }
        List<MigrationResult> results = new ArrayList<>();
        futures.forEach(future -> results.add(future.resultNow()));
        return results;
    }

    /** Every workspace whose schema exists and is in use: active, suspended, or being provisioned. */
    public List<TenantSlug> migratable() {
        return tenants.list(Optional.empty()).stream()
                .filter(t -> t.status() == TenantStatus.ACTIVE
                        || t.status() == TenantStatus.SUSPENDED
                        || t.status() == TenantStatus.PROVISIONING)
                .map(Tenant::slug)
                .toList();
    }

    private MigrationResult migrateOne(TenantSlug slug) {
        try {
            return new MigrationResult(slug.value(), true, schemas.migrate(slug), null);
        } catch (RuntimeException e) {
            return new MigrationResult(slug.value(), false, 0, e.getMessage());
        }
    }

    /**
     * Drops the schema and the realm (in its cell, and in the cell it was being moved to) and retires the slug.
     * Deprovisioning what is gone already succeeds.
     */
    public boolean deprovision(TenantSlug slug) {
        Optional<Tenant> found = tenants.findLive(slug);
        found.ifPresent(tenant -> {
            for (String cell : new String[] {tenant.cell(), tenant.movingTo()}) {
                if (cell != null) {
                    cells.realms(cell).deleteRealm(slug.realmName());
                }
            }
        });
        schemas.drop(slug);
        found.ifPresent(tenant -> {
            transaction.executeWithoutResult(status -> {
                tenant.deprovisioned();
                tenants.save(tenant);
            });
            cells.refreshStates();
        });
        return found.isPresent();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
