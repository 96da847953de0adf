package io.safaridesk.provisioning.bench;

import io.safaridesk.infra.stack.SecondKeycloak;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.TenantProvisioningApplication;
import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Arguments: {@code <workspaces to provision> <workspaces to migrate at least> <keep: true|false> [<capacity per
 * cell> <second cell: true|false>]}. With a capacity, the default cell takes that many workspaces (on top of those it
 * holds) and, when asked, a second Keycloak ({@link SecondKeycloak}) is started and registered as a cell of the same
 * capacity, so that each cell stays at its cap.
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
            RealmCells cells = context.getBean(RealmCells.class);
            long secondPid = args.length > 4 && Boolean.parseBoolean(args[4]) ? secondCell(context, cells, args) : -1;
            if (args.length > 3) {
                RealmCell defaultCell = cells.get(RealmCell.DEFAULT);
                cells.update(RealmCell.DEFAULT, defaultCell.workspaces() + Integer.parseInt(args[3]), null);
            }
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

            cells.list()
                    .forEach(cell -> System.out.printf(
                            "cell %s: %s, %d/%d workspaces%n",
                            cell.name(), cell.state(), cell.workspaces(), cell.capacity()));
            if (secondPid > 0) {
                System.out.printf("second Keycloak (pid %d): %s%n", secondPid, residentMemory(secondPid));
            }

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

    /** Starts the second Keycloak and registers it as a cell with the benchmark's capacity; returns its pid. */
    private static long secondCell(ConfigurableApplicationContext context, RealmCells cells, String[] args) {
        SecondKeycloak.Cell cell = SecondKeycloak.start();
        String prefix = "SAFARIDESK_BENCH_CELL2_DB";
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("bench-cell2", cell.databaseVariables(prefix)));
        String name = "bench2-" + UUID.randomUUID().toString().substring(0, 4);
        cells.add(new RealmCells.NewCell(
                name, cell.keycloak().url(), null, null, "env:" + prefix, Integer.parseInt(args[3])));
        return cell.pid();
    }

    /** The resident memory of the process and its descendants: kc.sh is a shell that runs the Keycloak JVM. */
    private static String residentMemory(long pid) {
        long kilobytes = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(pid),
                        ProcessHandle.of(pid).stream()
                                .flatMap(ProcessHandle::descendants)
                                .map(ProcessHandle::pid))
                .mapToLong(ProvisioningBenchmark::residentKilobytes)
                .sum();
        return "VmRSS " + kilobytes / 1024 + " MB (with child processes)";
    }

    private static long residentKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
