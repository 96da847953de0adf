package io.safaridesk.provisioning.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.platform.testing.TcpProxy;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisioning into a realm cell whose Keycloak is behind a {@link TcpProxy} that the tests slow down or silence. The
 * cell is registered draining, so that no other test's workspace is placed in it; each test places its own there.
 */
@SpringBootTest(
        properties = {
            "safaridesk.provisioning.runner-enabled=false",
            "safaridesk.outbox.relay-enabled=false",
            "safaridesk.provisioning.give-up-after=60s", // above a whole provision on a busy machine
            "safaridesk.keycloak.client.connect-timeout=1s",
            "safaridesk.keycloak.client.read-timeout=30s", // making a realm takes 10-20 s on a busy machine
            "safaridesk.keycloak.client.pool-timeout=1s",
            "safaridesk.domain-verification.allow-test-domains=true"
        })
@ContextConfiguration(initializers = TestServicesInitializer.class)
class ProvisioningUnderKeycloakFaultsIntegrationTests {

    /** Runs what a test arms before a step of one workspace. */
    static final class BeforeSteps implements StepObserver {
        final Map<UUID, BiConsumer<UUID, ProvisioningStep>> armed = new ConcurrentHashMap<>();

        @Override
        public void beforeStep(UUID tenantId, ProvisioningStep step) {
            armed.getOrDefault(tenantId, (id, s) -> {}).accept(tenantId, step);
        }
    }

    @TestConfiguration
    static class Hooks {
        @Bean
        BeforeSteps beforeSteps() {
            return new BeforeSteps();
        }
    }

    @Autowired
    BeforeSteps beforeSteps;

    @Autowired
    WorkspaceOperations operations;

    @Autowired
    SignUp signUp;

    @Autowired
    ProvisioningSaga saga;

    @Autowired
    ProvisioningJobs jobs;

    @Autowired
    TenantRegistry tenants;

    @Autowired
    RealmCells cells;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    private TcpProxy proxy;
    private String cell;
    private URI cellUrl;
    private final List<Tenant> made = new ArrayList<>();

    @BeforeEach
    void registerAFaultyCell() {
        URI keycloak = TestServices.endpoints().keycloak().url();
        proxy = TcpProxy.to(keycloak);
        cellUrl = proxy.url(keycloak);
        cell = "faulty-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into platform.realm_cells (name, base_url, internal_url, admin_credentials, capacity, state)"
                        + " values (?, ?, ?, 'default', 10, 'DRAINING')")
                .params(cell, cellUrl.toString(), cellUrl.toString())
                .update();
    }

    @AfterEach
    void removeIt() {
        beforeSteps.armed.clear();
        proxy.heal();
        made.forEach(tenant -> operations.deprovision(tenant.slug()));
        cells.remove(cell);
        proxy.close();
    }

    /** A workspace queued for provisioning, its realm to be made in the faulty cell. */
    private Tenant placedInTheFaultyCell() {
        String slug = "kcf-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant registered = signUp.registerByOperator( // queued only: each test runs it
                new SignUp.Registration(
                        "Faults " + slug,
                        slug,
                        slug + ".test",
                        "Ada Admin",
                        "ada@" + slug + ".test",
                        "Correct-Horse-9"),
                true);
        Tenant tenant = tenants.findById(registered.id()).orElseThrow();
        transaction.executeWithoutResult(status -> {
            tenant.placeIn(cell, cellUrl.toString());
            tenants.save(tenant);
        });
        made.add(tenant);
        return tenant;
    }

    @Test
    void aProvisionWhoseKeycloakStopsAnsweringIsReportedFailedWithTheReason() {
        Tenant tenant = placedInTheFaultyCell();
        // the realm is made; then Keycloak stops answering, before the first admin
        beforeSteps.armed.put(tenant.id(), (id, step) -> {
            if (step == ProvisioningStep.CREATE_ADMIN) {
                proxy.silent();
            }
        });

        long started = System.nanoTime();
        Tenant after = operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("A provision whose Keycloak went silent was FAILED after %d ms%n", took.toMillis());
        assertThat(after.status()).isEqualTo(TenantStatus.FAILED);
        // given up at the first failed attempt after 60 s; an attempt lasts at most one read timeout (30 s) more
        assertThat(took).isLessThan(Duration.ofSeconds(120));
        ProvisioningJobs.Job job = jobs.find(tenant.id()).orElseThrow();
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.lastError())
                .startsWith("Not finished within 1 min (safaridesk.provisioning.give-up-after); last error:"
                        + " KeycloakUnavailable")
                .contains(cellUrl.toString());
        assertThat(job.completedSteps()).doesNotContain(ProvisioningStep.CREATE_ADMIN, ProvisioningStep.ACTIVATE);
    }

    @Test
    void concurrentProvisionsOfDifferentWorkspacesBothSucceedWhileARunnerCompetesForTheirJobs() throws Exception {
        List<Tenant> both = List.of(placedInTheFaultyCell(), placedInTheFaultyCell());
        proxy.latency(Duration.ofMillis(300), requestLine -> true);

        List<Future<Tenant>> operators = new ArrayList<>();
        List<Future<List<ProvisioningSaga.Outcome>>> runners = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Tenant tenant : both) {
                operators.add(
                        threads.submit(() -> operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(2))));
                // what the service's runner does with a due job, for this job only
                runners.add(threads.submit(() -> {
                    List<ProvisioningSaga.Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        saga.runJobUnlessHeld(tenant.id()).ifPresent(outcomes::add);
                        Thread.sleep(100);
                    }
                    return outcomes;
                }));
            }
        }

        for (Future<Tenant> operator : operators) {
            assertThat(operator.resultNow().status()).isEqualTo(TenantStatus.ACTIVE);
        }
        for (Future<List<ProvisioningSaga.Outcome>> runner : runners) {
            assertThat(runner.resultNow()).doesNotContain(ProvisioningSaga.Outcome.FAILED);
        }
        for (Tenant tenant : both) {
            ProvisioningJobs.Job job = jobs.find(tenant.id()).orElseThrow();
            assertThat(job.status()).isEqualTo("DONE");
            assertThat(job.attempts()).as("one attempt, never two at once").isEqualTo(1);
            assertThat(job.lastError()).isNull();
        }
    }

    @Test
    void aRealmAnsweredTooLateIsFoundAndTheAdminStepWaitsForIt() {
        Tenant tenant = placedInTheFaultyCell();
        proxy.latency(Duration.ofSeconds(35), requestLine -> requestLine.startsWith("POST /admin/realms "));

        Tenant after = operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(1));

        assertThat(after.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(after.cell())
                .as("the late realm was found, not made elsewhere")
                .isEqualTo(cell);
        assertThat(jobs.find(tenant.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void anAdminStepWhoseRealmIsGoneMakesSureOfTheRealmAgain() {
        Tenant tenant = placedInTheFaultyCell();
        beforeSteps.armed.put(tenant.id(), (id, step) -> {
            if (step == ProvisioningStep.CREATE_ADMIN) {
                beforeSteps.armed.remove(id);
                cells.realms(cell).deleteRealm(tenant.slug().realmName());
            }
        });

        Tenant after = operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(1));

        assertThat(after.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(jobs.find(tenant.id()).orElseThrow().attempts())
                .as("the admin step found no realm, and the next attempt made it again")
                .isEqualTo(2);
    }
}
