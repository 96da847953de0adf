package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.HelpdeskApiApplication;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Tasks at scale, in one workspace: generates N tasks with SQL (a fifth of them on tickets), then measures through the
 * API a filtered full-text task list (25 per page), the counts per view, and the list of one ticket's tasks, each as p50/p95. Run by {@code infra/bench/tasks.sh}; not a test.
 *
 * <p>Arguments: {@code <tasks to generate> <requests per measurement>}.
 */
public final class TaskBenchmark {

    private static final String LIST = "/api/v1/tasks?view=open_tasks&status=todo,blocked&priority=high&search=printer";

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        TestWorkspace workspace = TestWorkspaces.provision("taskbench");
        String token = workspace.token(workspace.admin());
        try (ConfigurableApplicationContext api = new SpringApplicationBuilder(HelpdeskApiApplication.class)
                .initializers(
                        new TestServicesInitializer(),
                        context -> context.getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource(
                                        "benchmark", Map.of("server.port", "0", "logging.level.root", "WARN"))))
                .run()) {
            Api client = Api.at(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
            client.get("/api/v1/settings", token);
            long started = System.nanoTime();
            generate(api.getBean(DataSource.class), workspace.slug().schemaName(), tasks);
            System.out.printf("generated %,d tasks in %d s%n", tasks, (System.nanoTime() - started) / 1_000_000_000);
            report("list (view + status + priority + text, 25 per page)", latencies(client, token, LIST, requests));
            report("counts per view", latencies(client, token, "/api/v1/tasks/counts", requests));
            report("list of one ticket's tasks", latencies(client, token, "/api/v1/tasks?ticket=1", requests));
        }
        System.exit(0);
    }

    private static void generate(DataSource dataSource, String schema, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setSchema(schema);
            sql.execute("insert into contacts (name, email) values ('Bench', 'bench@bench.test')");
            sql.execute("insert into tickets (number, subject, channel, requester_id, status_id, priority)"
                    + " select g, 'Ticket ' || g, 'API', (select min(id) from contacts),"
                    + " (select min(id) from ticket_statuses), 'MEDIUM' from generate_series(1, 10000) g");
            String words = "array['printer','toner','invoice','refund','login','password','network','laptop','email',"
                    + "'billing','account','error','crash','slow','screen','keyboard','license','upgrade','install',"
                    + "'backup']";
            int batch = 100_000;
            for (int done = 0; done < count; done += batch) {
                int size = Math.min(batch, count - done);
                sql.execute("with w as (select " + words + " as a) insert into tasks (number, title, description_text,"
                        + " status, priority, ticket_id, created_at, updated_at) select n, w.a[1 + n % 20] || ' '"
                        + " || w.a[1 + (n / 20) % 20], 'check the ' || w.a[1 + (n / 400) % 20],"
                        + " (array['TODO','IN_PROGRESS','BLOCKED','DONE','CANCELLED'])[1 + n % 5],"
                        + " (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + (n / 7) % 4],"
                        + " case when n % 5 = 0 then 1 + n % 10000 end, now() - make_interval(secs => n),"
                        + " now() - make_interval(secs => n) from w, generate_series(" + (2_000_001 + done) + ", "
                        + (2_000_000 + done + size) + ") n");
            }
            sql.execute("update task_number_counter set last_number = (select max(number) from tasks)");
            sql.execute("analyze tasks");
        }
    }

    private static List<Long> latencies(Api client, String token, String path, int requests) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests + 50; i++) {
            long started = System.nanoTime();
            Api.Reply reply = client.get(path, token);
            if (reply.status() != 200) {
                throw new IllegalStateException(path + " failed: " + reply.body());
            }
            if (i >= 50) {
                micros.add((System.nanoTime() - started) / 1000);
            }
        }
        Collections.sort(micros);
        return micros;
    }

    private static void report(String what, List<Long> sorted) {
        System.out.printf(
                "%s over %d requests: p50 %.1f ms, p95 %.1f ms%n",
                what,
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(Math.min(sorted.size() - 1, sorted.size() * 95 / 100)) / 1000.0);
    }
}
