package io.safaridesk.worker.bench;

import io.safaridesk.domain.automation.AutomationRuns;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.worker.WorkerApplication;
import io.safaridesk.worker.testing.SlaWorkspaces;
import java.time.Duration;
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
 * The time-rule sweep at scale: W workspaces with T open tickets each (made with SQL by {@link SlaWorkspaces}), each
 * with two time rules (remind pending tickets after 72 hours; escalate tickets unassigned for 8 hours). Times full
 * sweeps of every workspace through {@link AutomationRuns#sweep}, the code the worker's schedule runs, on a pool of
 * threads: with nothing due (the steady state), with a share of tickets due (acting, at most 500 per workspace), and
 * again with nothing left. Not a test; {@code infra/bench/time-rules.sh}.
 *
 * <p>Arguments: workspaces (1000), tickets per workspace (1000), per mille due (10), threads (4).
 */
public final class TimeRuleBenchmark {

    private TimeRuleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int tickets = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int duePerMille = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "safaridesk.sla.sweep.enabled=false",
                        "safaridesk.automation.sweep-enabled=false",
                        "spring.rabbitmq.listener.simple.auto-startup=false",
                        "spring.datasource.hikari.maximum-pool-size=" + (2 * threads + 2),
                        "logging.level.io.safaridesk.platform=warn")
                .run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            SlaWorkspaces.migratePlatform(dataSource);
            TenantSchemas schemas = context.getBean(TenantSchemas.class);
            List<TenantSlug> slugs = new ArrayList<>();
            for (int i = 0; i < workspaces; i++) {
                slugs.add(TenantSlug.of(String.format(Locale.ROOT, "rulebench-%04d", i)));
            }
            long setUp = System.nanoTime();
            inParallel(threads, slugs, slug -> {
                SlaWorkspaces.prepare(jdbc, schemas, slug, tickets);
                String schema = slug.schemaName();
                jdbc.sql("delete from " + schema + ".automation_rules").update();
                jdbc.sql("update " + schema + ".tickets set assignee_id = null, tags = '{}',"
                                + " assignee_changed_at = now(), status_changed_at = now()")
                        .update();
                jdbc.sql("insert into " + schema
                                + ".automation_rules (kind, name, position, conditions, actions) values"
                                + " ('TIME_RULE', 'Remind pending', 1, cast(? as jsonb), cast(? as jsonb)),"
                                + " ('TIME_RULE', 'Escalate unassigned', 2, cast(? as jsonb), cast(? as jsonb))")
                        .params(
                                "[{\"field\":\"status_category\",\"operator\":\"is\",\"value\":\"PENDING\"},"
                                        + "{\"field\":\"hours_since_status_changed\",\"operator\":\"greater_than\","
                                        + "\"value\":72.0}]",
                                "[{\"type\":\"add_tags\",\"value\":[\"reminded\"]}]",
                                "[{\"field\":\"assignee_id\",\"operator\":\"is\",\"value\":null},"
                                        + "{\"field\":\"hours_since_assignee_changed\",\"operator\":\"greater_than\","
                                        + "\"value\":8.0}]",
                                "[{\"type\":\"add_tags\",\"value\":[\"escalated\"]}]")
                        .update();
            });
            System.out.printf(
                    "set-up: %d workspaces x %d open tickets, 2 time rules each, in %.1f s%n",
                    workspaces, tickets, seconds(setUp));
            AutomationRuns runs = context.getBean(AutomationRuns.class);
            sweep("sweep with nothing due", runs, slugs, tickets, threads);
            inParallel(
                    threads,
                    slugs,
                    slug -> jdbc.sql(
                                    "update " + slug.schemaName()
                                            + ".tickets set assignee_changed_at = now() - interval '9 hours' where number % 1000 < ?")
                            .param(duePerMille)
                            .update());
            sweep("sweep acting on " + duePerMille + " per mille", runs, slugs, tickets, threads);
            sweep("sweep with nothing left", runs, slugs, tickets, threads);
        }
    }

    private static void sweep(String run, AutomationRuns runs, List<TenantSlug> slugs, int tickets, int threads)
            throws Exception {
        AtomicInteger acted = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(threads, slugs, slug -> acted.addAndGet(TenantContext.callAs(slug, () -> runs.sweep(500))));
        System.out.printf(
                "%s: %d workspaces x %d tickets on %d threads in %.2f s (%d actions)%n",
                run, slugs.size(), tickets, threads, seconds(start), acted.get());
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
