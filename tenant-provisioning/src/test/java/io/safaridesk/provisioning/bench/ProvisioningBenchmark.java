package io.safaridesk.provisioning.bench;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.TenantProvisioningApplication;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Measures provisioning in the configured Keycloak (one workspace after another, wall time per workspace: schema,
 * migrations, realm, admin, activation) and {@code migrate --all}. Run by {@code infra/bench/provisioning.sh}; not a
 * test. The run over several realm cells is {@code infra/bench/cells.sh}.
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
                        starting -> starting.getEnvironment()
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
                ProvisioningRuns.Provisioned provisioned = ProvisioningRuns.provision(operations, run + "-" + i);
                made.add(provisioned.slug());
                if (i < provisionCount) {
                    millis.add(provisioned.millis());
                }
                if ((i + 1) % 25 == 0) {
                    System.out.printf("  %d workspaces provisioned, last took %d ms%n", i + 1, provisioned.millis());
                }
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf(
                    "provisioning: %d workspaces, p50 %d ms, p95 %d ms, max %d ms%n",
                    sorted.size(),
                    ProvisioningRuns.percentile(sorted, 50),
                    ProvisioningRuns.percentile(sorted, 95),
                    sorted.getLast());

            System.out.println(ProvisioningRuns.migrateAll(operations));

            if (!keep) {
                made.forEach(operations::deprovision);
                System.out.printf("deprovisioned the %d benchmark workspaces%n", made.size());
            }
        }
    }
}
