package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.HelpdeskApiApplication;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.platform.testing.TicketGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpMethod;

/**
 * Tickets at scale, in one workspace: generates N tickets with SQL, then measures a filtered full-text list through
 * the API (p50, p95 at page size 25) and ticket creation through the API beside raw INSERTs by pgbench into the same
 * table in the same run. Run by {@code infra/bench/tickets.sh}; not a test.
 *
 * <p>Arguments: {@code <tickets to generate> <seconds per throughput run> <concurrent clients>}.
 */
public final class TicketBenchmark {

    static final String LIST = "/api/v1/tickets?status=Open&priority=high,critical&q=printer+toner&limit=25";

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        TestWorkspace workspace = TestWorkspaces.provision("bench");
        String token = workspace.token(workspace.admin());
        String schema = workspace.slug().schemaName();
        try (ConfigurableApplicationContext api = helpdeskApi()) {
            DataSource dataSource = api.getBean(DataSource.class);
            Api client = Api.at(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
            long started = System.nanoTime();
            TicketGenerator.generate(dataSource, schema, tickets);
            System.out.printf("generated %,d tickets in %s%n", tickets, since(started));

            List<Long> micros = listLatencies(client, token, 300);
            System.out.println("list (status + priority + text, 25 per page): " + summary(micros));

            double apiRate = createThroughput(client, token, seconds, clients);
            double rawRate = pgbenchInserts(schema, seconds, clients);
            System.out.printf(
                    "ticket creation through the API: %.0f/s; raw INSERT by pgbench: %.0f/s; ratio %.3f (%d clients)%n",
                    apiRate, rawRate, apiRate / rawRate, clients);
        }
        System.exit(0);
    }

    /** A helpdesk-api instance in this JVM on a free port, logging warnings only. */
    static ConfigurableApplicationContext helpdeskApi() {
        return new SpringApplicationBuilder(HelpdeskApiApplication.class)
                .initializers(
                        new TestServicesInitializer(),
                        context -> context.getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource(
                                        "benchmark",
                                        Map.of(
                                                "server.port", "0",
                                                "logging.level.root", "WARN",
                                                "logging.level.io.safaridesk", "WARN"))))
                .run();
    }

    static List<Long> listLatencies(Api client, String token, int requests) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            Api.Reply reply = client.get(LIST, token);
            if (reply.status() != 200) {
                throw new IllegalStateException("list failed: " + reply.body());
            }
            micros.add((System.nanoTime() - started) / 1000);
        }
        List<Long> measured = new ArrayList<>(micros.subList(50, micros.size()));
        Collections.sort(measured);
        return measured;
    }

    private static double createThroughput(Api client, String token, int seconds, int clients)
            throws InterruptedException {
        AtomicLong created = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int clientNumber = c;
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Api.Reply reply = client.send(
                                HttpMethod.POST,
                                "/api/v1/tickets",
                                token,
                                Map.of(
                                        "subject", "Printer toner empty",
                                        "description", "<p>The printer on floor 2 says toner is empty</p>",
                                        "requester",
                                                Map.of("email", "client" + clientNumber + "@bench.test", "name", "C")));
                        if (reply.status() != 201) {
                            throw new IllegalStateException("create failed: " + reply.body());
                        }
                        created.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return created.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** pgbench inserting ticket rows straight into the same table, with a sequence for the number. */
    private static double pgbenchInserts(String schema, int seconds, int clients)
            throws IOException, InterruptedException {
        String url = TestServices.endpoints().database().jdbcUrl();
        Matcher parts =
                Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(url);
        if (!parts.find()) {
            throw new IllegalStateException("not a PostgreSQL URL: " + url);
        }
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        Files.writeString(
                script,
                "insert into " + schema + ".tickets (number, subject, description_html, description_text, channel,"
                        + " requester_id, status_id, priority) values (nextval('" + schema + ".bench_numbers'),"
                        + " 'Printer toner empty', '<p>The printer on floor 2 says toner is empty</p>', 'The printer on"
                        + " floor 2 says toner is empty', 'API', 1, (select min(id) from " + schema
                        + ".ticket_statuses), 'MEDIUM');\n");
        String psql = "create sequence if not exists " + schema + ".bench_numbers start 900000000";
        run(List.of(
                "psql",
                "-q",
                "-h",
                parts.group(1),
                "-p",
                parts.group(2),
                "-U",
                "postgres",
                "-d",
                parts.group(3),
                "-c",
                psql));
        String output = run(List.of(
                "pgbench",
                "-n",
                "-h",
                parts.group(1),
                "-p",
                parts.group(2),
                "-U",
                "postgres",
                "-c",
                Integer.toString(clients),
                "-j",
                "2",
                "-T",
                Integer.toString(seconds),
                "-f",
                script.toString(),
                parts.group(3)));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed: " + output);
        }
        return output;
    }

    /** p50 and p95 of sorted latencies in microseconds, and how many were measured. */
    static String summary(List<Long> micros) {
        return String.format(
                "p50 %.1f ms, p95 %.1f ms over %d requests",
                percentile(micros, 50) / 1000.0, percentile(micros, 95) / 1000.0, micros.size());
    }

    static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static String since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + " s";
    }
}
