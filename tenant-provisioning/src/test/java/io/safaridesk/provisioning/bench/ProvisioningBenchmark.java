package io.safaridesk.provisioning.bench;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.TenantProvisioningApplication;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Measures provisioning (one workspace after another, wall time per workspace: schema, migrations, realm, admin,
 * activation) and {@code migrate --all}. Run by {@code infra/bench/provisioning.sh}; not a test.
 *
 * <p>Arguments: {@code <workspaces to provision> <workspaces to migrate at least> <keep: true|false>}.
 */
public final class ProvisioningBenchmark {

    public static void main(String[] args) {
        int provisionCount = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int migrateCount = args.length > 1 ? Integer.parseInt(args[1]) : provisionCount;
        boolean keep = args.length > 2 && Boolean.parseBoolean(args[2]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TenantProvisioningApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(
                        new TestServicesInitializer(),
                        app -> app.getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource(
                                        "benchmark",
                                        Map.of(
                                                "safaridesk.provisioning.runner-enabled", "false",
                                                "safaridesk.outbox.relay-enabled", "false",
                                                "safaridesk.domain-verification.allow-test-domains", "true",
                                                "logging.level.root", "WARN",
                                                "logging.level.io.safaridesk", "WARN"))))
                .run()) {
            WorkspaceOperations operations = context.getBean(WorkspaceOperations.class);
            String run = "bench-" + UUID.randomUUID().toString().substring(0, 4);
            List<TenantSlug> made = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < Math.max(provisionCount, migrateCount); i++) {
                String slug = run + "-" + i;
                long started = System.nanoTime();
                Tenant tenant = operations.provision(
                        new SignUp.Registration(
                                "Bench " + i,
                                slug,
                                slug + ".test",
                                "Bench Admin",
                                "admin@" + slug + ".test",
                                "Correct-Horse-9"),
                        true,
                        Duration.ofMinutes(5));
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                if (tenant.status() != TenantStatus.ACTIVE) {
                    throw new IllegalStateException(slug + " ended " + tenant.status());
                }
                made.add(tenant.slug());
                if (i < provisionCount) {
                    millis.add(elapsed);
                }
                if ((i + 1) % 25 == 0) {
                    System.out.printf("  %d workspaces provisioned, last took %d ms%n", i + 1, elapsed);
                }
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf(
                    "provisioning: %d workspaces, p50 %d ms, p95 %d ms, max %d ms%n",
                    sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getLast());

            List<TenantSlug> all = operations.migratable();
            long started = System.nanoTime();
            List<WorkspaceOperations.MigrationResult> results = operations.migrate(all, 4);
            long failed = results.stream().filter(r -> !r.succeeded()).count();
            System.out.printf(
                    "migrate --all: %d workspaces (parallelism 4) in %d ms, %d failed%n",
                    results.size(), (System.nanoTime() - started) / 1_000_000, failed);

            if (!keep) {
                made.forEach(operations::deprovision);
                System.out.printf("deprovisioned the %d benchmark workspaces%n", made.size());
            }
        }
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
