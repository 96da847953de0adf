package io.safaridesk.provisioning.bench;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** What the provisioning benchmarks share: one timed provisioning, percentiles, a process tree's resident memory. */
public final class ProvisioningRuns {

    private ProvisioningRuns() {}

    /** A workspace provisioned as an operator does it; its wall time and slug. */
    public record Provisioned(TenantSlug slug, long millis) {}

    /** Provisions workspace {@code slug} (schema, migrations, realm, admin, activation) and times it. */
    public static Provisioned provision(WorkspaceOperations operations, String slug) {
        long started = System.nanoTime();
        Tenant tenant = operations.provision(
                new SignUp.Registration(
                        "Bench " + slug,
                        slug,
                        slug + ".test",
                        "Bench Admin",
                        "admin@" + slug + ".test",
                        "Correct-Horse-9"),
                true,
                Duration.ofMinutes(5));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (tenant.status() != TenantStatus.ACTIVE) {
            throw new IllegalStateException(slug + " ended " + tenant.status());
        }
        return new Provisioned(tenant.slug(), millis);
    }

    /** Runs {@code migrate --all} with parallelism 4 as the CLI does; says how long it took over how many. */
    public static String migrateAll(WorkspaceOperations operations) {
        List<TenantSlug> all = operations.migratable();
        long started = System.nanoTime();
        List<WorkspaceOperations.MigrationResult> results = operations.migrate(all, 4);
        long failed = results.stream().filter(result -> !result.succeeded()).count();
        return String.format(
                "migrate --all: %d workspaces (parallelism 4) in %d ms, %d failed",
                results.size(), (System.nanoTime() - started) / 1_000_000, failed);
    }

    /** The nearest-rank percentile of sorted values. */
    public static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    /** The resident memory, in MB, of a process and its descendants (kc.sh is a shell that runs the Keycloak JVM). */
    public static long residentMegabytes(long pid) {
        return Stream.concat(
                                Stream.of(pid),
                                ProcessHandle.of(pid).stream()
                                        .flatMap(ProcessHandle::descendants)
                                        .map(ProcessHandle::pid))
                        .mapToLong(ProvisioningRuns::residentKilobytes)
                        .sum()
                / 1024;
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
}
