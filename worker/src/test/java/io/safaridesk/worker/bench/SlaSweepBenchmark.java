package io.safaridesk.worker.bench;

import io.safaridesk.domain.sla.SlaSweeps;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.worker.WorkerApplication;
import io.safaridesk.worker.testing.SlaWorkspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA sweep at scale: W workspace schemas (migrated with {@link TenantSchemas}, registered as active, SLAs on),
 * each with T open tickets whose first-response and resolution clocks run, made with SQL; a share of them past their
 * target. Then times full sweeps of every workspace through {@link SlaSweeps}, the code the worker's listener runs, on
 * a pool of threads: one sweep that raises the crossings, and one more that finds nothing left to raise (the steady
 * state between crossings). Workspaces set up by an earlier run are reused.
 *
 * <p>Arguments: workspaces (1000), tickets per workspace (1000), per mille of tickets past target (10), threads (4).
 */
public final class SlaSweepBenchmark {

    private SlaSweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int tickets = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int overduePerMille = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "safaridesk.sla.sweep.enabled=false",
                        "spring.rabbitmq.listener.simple.auto-startup=false",
                        "spring.datasource.hikari.maximum-pool-size=" + (2 * threads + 2),
                        "logging.level.io.safaridesk.domain.sla=warn")
                .run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            SlaWorkspaces.migratePlatform(dataSource);
            TenantSchemas schemas = context.getBean(TenantSchemas.class);
            List<TenantSlug> slugs = new ArrayList<>();
            for (int i = 0; i < workspaces; i++) {
                slugs.add(TenantSlug.of(String.format(Locale.ROOT, "slabench-%04d", i)));
            }
            Instant now = Instant.now();
            long setUp = System.nanoTime();
            AtomicInteger made = new AtomicInteger();
            inParallel(threads, slugs, slug -> {
                if (SlaWorkspaces.prepare(jdbc, schemas, slug, tickets)) {
                    made.incrementAndGet();
                }
                SlaWorkspaces.overdue(jdbc, slug, tickets, overduePerMille, now);
            });
            System.out.printf(
                    "set-up: %d workspaces (%d new) x %d open tickets (%d per mille past target) in %.1f s%n",
                    workspaces, made.get(), tickets, overduePerMille, seconds(setUp));
            SlaSweeps sweeps = context.getBean(SlaSweeps.class);
            for (String run : List.of("sweep raising the crossings", "sweep with nothing left to raise")) {
                AtomicInteger atRisk = new AtomicInteger();
                AtomicInteger breached = new AtomicInteger();
                long start = System.nanoTime();
                inParallel(threads, slugs, slug -> {
                    SlaSweeps.Result result = TenantContext.callAs(slug, () -> sweeps.sweep(now));
                    atRisk.addAndGet(result.atRisk());
                    breached.addAndGet(result.breached());
                });
                System.out.printf(
                        "%s: %d workspaces x %d tickets on %d threads in %.2f s (%d at risk, %d breached raised)%n",
                        run, workspaces, tickets, threads, seconds(start), atRisk.get(), breached.get());
            }
        }
    }

    private interface Work {
        void on(TenantSlug slug) throws Exception;
    }

    private static void inParallel(int threads, List<TenantSlug> slugs, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (TenantSlug slug : slugs) {
                done.add(pool.submit(() -> {
                    work.on(slug);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
    }
}
