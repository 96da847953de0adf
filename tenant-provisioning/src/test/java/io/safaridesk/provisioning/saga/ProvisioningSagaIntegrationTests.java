package io.safaridesk.provisioning.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.realm.RealmProvisioner;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** A failure at each step of the saga, then a resume: the workspace ends complete and consistent, never half-made. */
@SpringBootTest(
        properties = {
            "safaridesk.provisioning.runner-enabled=false",
            "safaridesk.outbox.relay-enabled=false",
            "safaridesk.provisioning.max-attempts=2",
            "safaridesk.domain-verification.allow-test-domains=true"
        })
@ContextConfiguration(initializers = TestServicesInitializer.class)
class ProvisioningSagaIntegrationTests {

    /** Throws at the chosen steps, while a failure is armed. */
    static final class InjectedFaults implements StepObserver {
        final AtomicReference<Set<ProvisioningStep>> failAt = new AtomicReference<>(Set.of());
        final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();

        @Override
        public void beforeStep(UUID tenantId, ProvisioningStep step) {
            if (failAt.get().contains(step)) {
                throw failure.get().get();
            }
        }

        void arm(ProvisioningStep step, Supplier<RuntimeException> how) {
            arm(Set.of(step), how);
        }

        void arm(Set<ProvisioningStep> steps, Supplier<RuntimeException> how) {
            failure.set(how);
            failAt.set(steps);
        }

        void disarm() {
            failAt.set(Set.of());
        }
    }

    @TestConfiguration
    static class Faults {
        @Bean
        InjectedFaults injectedFaults() {
            return new InjectedFaults();
        }
    }

    @Autowired
    InjectedFaults faults;

    @Autowired
    WorkspaceOperations operations;

    @Autowired
    ProvisioningSaga saga;

    @Autowired
    ProvisioningJobs jobs;

    @Autowired
    TenantRegistry tenants;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void disarm() {
        faults.disarm();
    }

    private Tenant registerVouched() {
        String slug = "saga-" + UUID.randomUUID().toString().substring(0, 8);
        // the first step of both tracks fails: nothing is done yet
        faults.arm(
                Set.of(ProvisioningStep.CREATE_SCHEMA, ProvisioningStep.CREATE_REALM),
                () -> new IllegalStateException("not yet"));
        Tenant tenant = operations.provision(
                new SignUp.Registration(
                        "Saga " + slug, slug, slug + ".test", "Ada Admin", "ada@" + slug + ".test", "Correct-Horse-9"),
                true,
                Duration.ZERO);
        faults.disarm();
        jobs.enqueue(tenant.id()); // a fresh count of attempts for the test
        return tenant;
    }

    @ParameterizedTest
    @EnumSource(ProvisioningStep.class)
    void aFailureAtAnyStepLeavesTheWorkspaceUnservedAndAResumeCompletesIt(ProvisioningStep failing) {
        Tenant tenant = registerVouched();
        faults.arm(failing, () -> new IllegalStateException("injected at " + failing));

        assertThat(saga.runJob(tenant.id())).isEqualTo(ProvisioningSaga.Outcome.RETRY_LATER);

        Tenant midway = tenants.findById(tenant.id()).orElseThrow();
        assertThat(midway.status()).isEqualTo(TenantStatus.PROVISIONING);
        assertThat(midway.issuer()).isNull();
        // the other track goes on to its end; nothing that comes after the failed step ran
        Set<ProvisioningStep> unaffected = EnumSet.allOf(ProvisioningStep.class);
        unaffected.removeIf(step -> step == failing || step.comesAfter(failing));
        assertThat(jobs.completedSteps(tenant.id())).isEqualTo(unaffected);
        assertThat(provisionedEvents(tenant.slug())).isZero();

        faults.disarm();
        Tenant resumed = operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(1));

        assertConsistentAndActive(resumed);
    }

    @Test
    void aStepThatKeepsFailingMarksTheWorkspaceFailedAndAnOperatorRetryCompletesIt() {
        Tenant tenant = registerVouched();
        faults.arm(ProvisioningStep.CREATE_REALM, () -> new IllegalStateException("bad template"));

        assertThat(saga.runJob(tenant.id())).isEqualTo(ProvisioningSaga.Outcome.RETRY_LATER);
        assertThat(saga.runJob(tenant.id())).isEqualTo(ProvisioningSaga.Outcome.FAILED);
        assertThat(tenants.findById(tenant.id()).orElseThrow().status()).isEqualTo(TenantStatus.FAILED);

        faults.disarm();
        assertConsistentAndActive(operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(1)));
    }

    @Test
    void aDependencyThatIsDownMakesTheJobWaitHoweverOftenItFails() {
        Tenant tenant = registerVouched();
        faults.arm(
                ProvisioningStep.CREATE_REALM,
                () -> new org.springframework.dao.DataAccessResourceFailureException("db down"));

        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(saga.runJob(tenant.id())).isEqualTo(ProvisioningSaga.Outcome.RETRY_LATER);
        }
        assertThat(tenants.findById(tenant.id()).orElseThrow().status()).isEqualTo(TenantStatus.PROVISIONING);

        faults.disarm();
        assertConsistentAndActive(operations.resumeProvisioning(tenant.slug(), Duration.ofMinutes(1)));
    }

    private void assertConsistentAndActive(Tenant tenant) {
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.issuer()).endsWith("/realms/" + tenant.slug().realmName());
        assertThat(tenant.adminPasswordCredential())
                .as("hash dropped once the admin exists")
                .isNull();
        assertThat(jobs.completedSteps(tenant.id())).containsExactlyInAnyOrder(ProvisioningStep.values());
        assertThat(schemas.exists(tenant.slug())).isTrue();
        assertThat(jdbc.sql("select count(*) from " + tenant.slug().schemaName() + ".departments")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(realms.realmExists(tenant.slug().realmName())).isTrue();
        assertThat(provisionedEvents(tenant.slug())).isEqualTo(1);
    }

    private long provisionedEvents(TenantSlug slug) {
        return jdbc.sql("select count(*) from platform.outbox where tenant_slug = ? and type = 'tenant.provisioned'")
                .param(slug.value())
                .query(Long.class)
                .single();
    }
}
