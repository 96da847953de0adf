package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.infra.stack.CellKeycloaks;
import io.safaridesk.platform.testing.TicketGenerator;
import io.safaridesk.provisioning.bench.ProvisioningRuns;
import io.safaridesk.provisioning.cell.CellState;
import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Many workspaces over several realm cells: starts as many Keycloaks as N workspaces need at CAP per cell (the
 * configured Keycloak is drained, so every cell starts empty and ends at its cap), provisions one workspace with T
 * tickets and measures its ticket list through the API, provisions the other N - 1 one after another (p50/p95 over
 * all N), measures the same list again, then prints each cell's load and each Keycloak's resident memory and times
 * {@code migrate --all}. Run by {@code infra/bench/cells.sh} on a scratch database; not a test.
 *
 * <p>Arguments: {@code <workspaces N> <capacity per cell CAP> <tickets T in the measured workspace>}.
 */
public final class CellScaleBenchmark {

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error failure) {
            failure.printStackTrace();
        } finally {
            // the provisioning and API contexts and the cells' Keycloaks stop with the JVM, also after a failure
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int tickets = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        WorkspaceOperations operations = TestWorkspaces.operations();
        Map<String, Long> keycloakPids = startCells((count + capacity - 1) / capacity, capacity);

        String run = "cells-" + UUID.randomUUID().toString().substring(0, 4);
        List<Long> millis = new ArrayList<>();
        ProvisioningRuns.Provisioned first = ProvisioningRuns.provision(operations, run + "-0");
        millis.add(first.millis());
        TestWorkspace measured = TestWorkspaces.workspace(first.slug().value());
        try (ConfigurableApplicationContext api = TicketBenchmark.helpdeskApi()) {
            TicketGenerator.generate(api.getBean(DataSource.class), first.slug().schemaName(), tickets);
            Api client = Api.at(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
            // one OTP credential for the whole run: a second admin() would add another
            TestWorkspace.User admin = measured.admin();
            String baseline =
                    TicketBenchmark.summary(TicketBenchmark.listLatencies(client, measured.token(admin), 300));
            System.out.printf("ticket list with 1 workspace (%,d tickets in it): %s%n", tickets, baseline);

            long started = System.nanoTime();
            for (int i = 1; i < count; i++) {
                millis.add(ProvisioningRuns.provision(operations, run + "-" + i).millis());
                if ((i + 1) % 50 == 0) {
                    System.out.printf(
                            "  %d workspaces in %d s; the last 50: p50 %d ms%n",
                            i + 1,
                            (System.nanoTime() - started) / 1_000_000_000,
                            ProvisioningRuns.percentile(
                                    millis.subList(millis.size() - 50, millis.size()).stream()
                                            .sorted()
                                            .toList(),
                                    50));
                }
            }
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            System.out.printf(
                    "provisioning over %d cells: %d workspaces, p50 %d ms, p95 %d ms, max %d ms%n",
                    keycloakPids.size(),
                    sorted.size(),
                    ProvisioningRuns.percentile(sorted, 50),
                    ProvisioningRuns.percentile(sorted, 95),
                    sorted.getLast());

            String loaded = TicketBenchmark.summary(TicketBenchmark.listLatencies(client, measured.token(admin), 300));
            System.out.printf("ticket list with %d workspaces (same workspace and request): %s%n", count, loaded);
        }
        for (RealmCell cell : TestWorkspaces.cells().list()) {
            Long pid = keycloakPids.get(cell.name());
            System.out.printf(
                    "cell %s: %s, %d/%d workspaces%s%n",
                    cell.name(),
                    cell.state(),
                    cell.workspaces(),
                    cell.capacity(),
                    pid == null ? "" : ", Keycloak resident memory " + ProvisioningRuns.residentMegabytes(pid) + " MB");
        }
        System.out.println(ProvisioningRuns.migrateAll(operations));
    }

    /** Drains every registered cell, then starts and registers {@code cells} Keycloaks; answers their pids by name. */
    private static Map<String, Long> startCells(int cells, int capacity) {
        RealmCells registry = TestWorkspaces.cells();
        registry.list().stream()
                .filter(cell -> cell.state() != CellState.DRAINING)
                .forEach(cell -> registry.drain(cell.name()));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 1; i <= cells; i++) {
            long started = System.nanoTime();
            CellKeycloaks.Cell keycloak = CellKeycloaks.start("bench_" + i);
            String name = "bench" + i;
            registry.add(new RealmCells.NewCell(name, keycloak.keycloak().url(), null, null, null, capacity));
            pids.put(name, keycloak.pid());
            System.out.printf(
                    "cell %s: Keycloak at %s started in %d s%n",
                    name, keycloak.keycloak().url(), (System.nanoTime() - started) / 1_000_000_000);
        }
        return pids;
    }
}
