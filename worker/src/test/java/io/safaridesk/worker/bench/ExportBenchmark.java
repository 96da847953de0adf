package io.safaridesk.worker.bench;

import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.export.ExportFormat;
import io.safaridesk.domain.export.ExportState;
import io.safaridesk.domain.export.TicketExport;
import io.safaridesk.domain.export.TicketExports;
import io.safaridesk.domain.ticket.TicketQuery;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.storage.StorageProperties;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.testing.TicketGenerator;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.PeakHeap;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ticket exports at scale: generates N tickets in a fresh workspace with SQL ({@link TicketGenerator}, as the ticket
 * benchmark does), then exports the whole list as CSV and as XLSX through the real path (outbox, RabbitMQ, the
 * worker's consumer, the file store) and prints rows per second; a second run of each, with a sampler that collects
 * garbage every half second, prints the peak live heap, beside that of a 1,000-ticket export; the workspaces are
 * dropped at the end. Run by
 * {@code infra/bench/export.sh} (with a small -Xmx); not a test.
 *
 * <p>Arguments: {@code <tickets>}.
 */
public final class ExportBenchmark {

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (ConfigurableApplicationContext worker =
                BenchWorker.start(Map.of("safaridesk.sla.sweep.enabled", "false"))) {
            Bench bench = new Bench(worker);
            WorkerTestWorkspace small = bench.workspace(1_000);
            long started = System.nanoTime();
            WorkerTestWorkspace large = bench.workspace(tickets);
            System.out.printf("generated %,d tickets in %.1f s%n", tickets, (System.nanoTime() - started) / 1e9);
            System.out.printf("max heap (-Xmx): %.0f MB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
            for (ExportFormat format : ExportFormat.values()) {
                started = System.nanoTime();
                TicketExport export = bench.export(large, format);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "%s: %,d tickets in %.1f s = %,.0f rows/s, file %.1f MB%n",
                        format,
                        export.rowCount(),
                        seconds,
                        export.rowCount() / seconds,
                        export.sizeBytes() / 1048576.0);
                long smallPeak = PeakHeap.during(() -> bench.export(small, format), 500);
                long largePeak = PeakHeap.during(() -> bench.export(large, format), 500);
                System.out.printf(
                        "%s: peak live heap %.1f MB exporting 1,000 tickets, %.1f MB exporting %,d%n",
                        format, smallPeak / 1048576.0, largePeak / 1048576.0, tickets);
            }
            StorageProperties storage = worker.getBean(StorageProperties.class);
            small.discard(bench.schemas(), storage);
            large.discard(bench.schemas(), storage);
        }
        System.exit(0);
    }

    /** A worker context, its workspaces and their exports. */
    private record Bench(
            TenantSchemas schemas,
            TransactionTemplate transaction,
            Agents agents,
            Tickets tickets,
            DataSource dataSource,
            TicketExports exports,
            OutboxRelay relay,
            Map<WorkerTestWorkspace, Actor> admins) {

        Bench(ConfigurableApplicationContext worker) {
            this(
                    worker.getBean(TenantSchemas.class),
                    worker.getBean(TransactionTemplate.class),
                    worker.getBean(Agents.class),
                    worker.getBean(Tickets.class),
                    worker.getBean(DataSource.class),
                    worker.getBean(TicketExports.class),
                    worker.getBean(OutboxRelay.class),
                    new HashMap<>());
        }

        WorkerTestWorkspace workspace(int count) throws Exception {
            WorkerTestWorkspace workspace = WorkerTestWorkspace.create(schemas, transaction, agents, tickets);
            admins.put(workspace, workspace.agent("Bench", Actor.Role.ADMIN));
            TicketGenerator.generate(dataSource, workspace.slug().schemaName(), count);
            return workspace;
        }

        /** Asks for an export of the whole list and waits until the worker has written it. */
        TicketExport export(WorkerTestWorkspace workspace, ExportFormat format) {
            Actor admin = admins.get(workspace);
            TicketQuery all = new TicketQuery(
                    null, null, Set.of(), null, false, null, null, null, null, null, null, null, null, null, null, null,
                    null, 25);
            long id = workspace
                    .inTransaction(() -> exports.requestList(all, format, admin))
                    .id();
            relay.drain();
            while (true) {
                TicketExport export = workspace.inTransaction(() -> exports.get(id, admin));
                if (export.state() == ExportState.READY) {
                    return export;
                }
                if (export.state() == ExportState.FAILED) {
                    throw new IllegalStateException("export failed: " + export.error());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
