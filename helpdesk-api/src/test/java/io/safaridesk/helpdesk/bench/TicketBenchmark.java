package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.HelpdeskApiApplication;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.platform.testing.TicketGenerator;
import io.safaridesk.platform.testing.WireStatements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tickets at scale, in one workspace, through the API beside pgbench on the same PostgreSQL, interleaved in one run:
 * ticket creation against pgbench's raw single INSERT and the raw same work in one transaction (counter, ticket,
 * history row, outbox row); the filtered full-text list (1 client: p50/p95/p99; 8 clients: against the same SQL by
 * pgbench), again after 100,000 newer tickets that do not match, with the query plan; an authenticated
 * {@code GET /api/v1/me} against the unauthenticated liveness probe; statements per request counted on the wire. Run
 * by {@code infra/bench/tickets.sh}; not a test.
 *
 * <p>Arguments: {@code <tickets to generate> <seconds per throughput run> <concurrent clients> <rounds>}. The
 * helpdesk-api pool has {@code SAFARIDESK_DB_POOL_SIZE} connections and pgbench the rest of
 * {@code SAFARIDESK_BENCH_MAX_CONNECTIONS} (8), so that the run never holds more.
 */
public final class TicketBenchmark {

    static final String LIST = "/api/v1/tickets?status=Open&priority=high,critical&q=printer+toner&limit=25";
    private static final String LIVENESS = "/actuator/health/liveness";

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Throwable failure) {
            failure.printStackTrace();
        } finally {
            // never linger holding connections: every context and pool goes with the JVM
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int maxConnections = Integer.parseInt(env("SAFARIDESK_BENCH_MAX_CONNECTIONS", "8"));
        int pool = Integer.parseInt(env("SAFARIDESK_DB_POOL_SIZE", "4"));
        int rawClients = Math.min(clients, maxConnections - pool);
        if (rawClients < 1) {
            throw new IllegalArgumentException("SAFARIDESK_DB_POOL_SIZE leaves pgbench no connection");
        }
        TestWorkspace workspace = TestWorkspaces.provision("bench");
        TestWorkspaces.provisioning().close(); // its pool is not needed any more
        String schema = workspace.slug().schemaName();
        System.out.printf(
                "helpdesk-api pool %d connections, pgbench %d clients (at most %d connections together)%n",
                pool, rawClients, maxConnections);
        try (ConfigurableApplicationContext api = helpdeskApi()) {
            DataSource dataSource = api.getBean(DataSource.class);
            Api client = Api.at(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
            Pgbench pgbench = new Pgbench(schema, rawClients, seconds);
            long started = System.nanoTime();
            TicketGenerator.generate(dataSource, schema, tickets, TicketGenerator.Shape.MOSTLY_CLOSED);
            System.out.printf("generated %,d tickets (95 %% closed) in %s%n", tickets, since(started));
            long openStatus = JdbcClient.create(dataSource)
                    .sql("select id from " + schema + ".ticket_statuses where is_default")
                    .query(Long.class)
                    .single();
            String listSql = listSql(schema, openStatus);
            String token = workspace.token(workspace.admin()); // after the generation, which may outlast a token
            System.out.printf(
                    "open urgent printer toner tickets (the list's matches): %d%n",
                    JdbcClient.create(dataSource)
                            .sql("select count(*) from (" + listSql.replace(" limit 25", "") + ") m")
                            .query(Long.class)
                            .single());

            Supplier<Api.Reply> create = () -> client.send(HttpMethod.POST, "/api/v1/tickets", token, newTicket());
            Supplier<Api.Reply> list = () -> client.get(LIST, token);
            Supplier<Api.Reply> me = () -> client.get("/api/v1/me", token);
            Supplier<Api.Reply> liveness = () -> client.get(LIVENESS, null);
            actingAllowed(list);
            warmUp(List.of(create, list, me, liveness));
            statementsPerRequest(create, list, me);

            System.out.println(
                    "list at 1 client (status + priority + text, 25 per page): " + summary(latencies(list, 300)));
            System.out.println(explain(dataSource, listSql));

            for (int round = 1; round <= rounds; round++) {
                System.out.printf("-- round %d of %d (%d s each, load %s)%n", round, rounds, seconds, load());
                Run api8 = Run.of(create, clients, seconds);
                double insert = pgbench.rate("insert", pgbench.insertScript());
                double work = pgbench.rate("same-work transaction", pgbench.sameWorkScript());
                Run api32 = Run.of(create, 32, seconds);
                Run listApi = Run.of(list, clients, seconds);
                double listRaw = pgbench.rate("list query", listSql + ";\n");
                Run meRun = Run.of(me, clients, seconds);
                Run live = Run.of(liveness, clients, seconds);
                System.out.printf("create API %d clients: %s%n", clients, api8);
                System.out.printf("create API 32 clients: %s%n", api32);
                System.out.printf(
                        "raw INSERT %.0f/s, raw same-work txn %.0f/s; API %d clients / same-work %.3f, / INSERT %.3f;"
                                + " 32 clients / %d clients %.2f%n",
                        insert,
                        work,
                        clients,
                        api8.rate() / work,
                        api8.rate() / insert,
                        clients,
                        api32.rate() / api8.rate());
                System.out.printf(
                        "list API %d clients: %s; raw list SQL %.0f/s; ratio %.3f%n",
                        clients, listApi, listRaw, listApi.rate() / listRaw);
                System.out.printf(
                        "GET /api/v1/me %d clients: %s; liveness: %s; ratio %.3f%n",
                        clients, meRun, live, meRun.rate() / live.rate());
            }

            started = System.nanoTime();
            TicketGenerator.generateNonMatching(dataSource, schema, 100_000);
            System.out.printf("added 100,000 newer tickets that do not match in %s%n", since(started));
            latencies(list, 50);
            System.out.println("list at 1 client after them: " + summary(latencies(list, 300)));
            System.out.println(explain(dataSource, listSql));
            System.out.printf("load at the end: %s%n", load());
        }
    }

    /** The list's SQL as the API sends it for {@link #LIST}, with its parameters written in. */
    static String listSql(String schema, long openStatus) {
        return "select t.* from " + schema + ".tickets t where true and t.trashed_at is null and not t.archived and"
                + " t.status_id = " + openStatus + " and t.priority = any('{HIGH,CRITICAL}'::text[]) and t.search @@"
                + " websearch_to_tsquery('english', 'printer toner') order by t.created_at desc, t.id desc limit 25";
    }

    private static Map<String, Object> newTicket() {
        return Map.of(
                "subject", "Printer toner empty",
                "description", "<p>The printer on floor 2 says toner is empty</p>",
                "requester",
                        Map.of("email", "client" + Thread.currentThread().threadId() % 8 + "@bench.test", "name", "C"));
    }

    /** The admin's agent profile comes from the directory sync, shortly after the workspace is made. */
    private static void actingAllowed(Supplier<Api.Reply> request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (request.get().status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the admin cannot act: " + request.get().body());
            }
            Thread.sleep(500);
        }
    }

    private static void warmUp(List<Supplier<Api.Reply>> requests) throws InterruptedException {
        for (Supplier<Api.Reply> request : requests) {
            Run.of(request, 4, 5);
        }
    }

    private static void statementsPerRequest(
            Supplier<Api.Reply> create, Supplier<Api.Reply> list, Supplier<Api.Reply> me) {
        try (WireStatements wire = WireStatements.recording(t -> t.getName().startsWith("tomcat-handler"))) {
            for (Map.Entry<String, Supplier<Api.Reply>> request :
                    Map.of("create", create, "list", list, "me", me).entrySet()) {
                wire.reset();
                for (int i = 0; i < 20; i++) {
                    request.getValue().get();
                }
                System.out.printf(
                        "statements per %s: %.1f (transactions %.1f, parses %.1f) over 20 requests%n",
                        request.getKey(),
                        wire.statements().size() / 20.0,
                        wire.transactions() / 20.0,
                        wire.parses() / 20.0);
            }
        }
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
        return latencies(() -> client.get(LIST, token), requests);
    }

    /** Latencies in microseconds of {@code requests} sequential requests, the first 50 left out, sorted. */
    static List<Long> latencies(Supplier<Api.Reply> request, int requests) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            Api.Reply reply = request.get();
            if (reply.status() >= 300) {
                throw new IllegalStateException("request failed: " + reply.status() + " " + reply.body());
            }
            micros.add((System.nanoTime() - started) / 1000);
        }
        List<Long> measured = new ArrayList<>(micros.subList(Math.min(50, requests / 2), micros.size()));
        Collections.sort(measured);
        return measured;
    }

    /** A closed-loop throughput run: how many requests {@code clients} made in the time, and their latencies. */
    record Run(double rate, List<Long> micros) {
        static Run of(Supplier<Api.Reply> request, int clients, int seconds) throws InterruptedException {
            ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                for (int c = 0; c < clients; c++) {
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            long sent = System.nanoTime();
                            Api.Reply reply = request.get();
                            if (reply.status() >= 300) {
                                throw new IllegalStateException(
                                        "request failed: " + reply.status() + " " + reply.body());
                            }
                            micros.add((System.nanoTime() - sent) / 1000);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a client failed", e.getCause());
                }
            }
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return new Run(sorted.size() / ((System.nanoTime() - started) / 1e9), sorted);
        }

        @Override
        public String toString() {
            return String.format("%.0f/s, %s", rate, summary(micros));
        }
    }

    /** pgbench on the database the API uses, with at most {@code clients} connections, failing loudly. */
    private record Pgbench(String schema, int clients, int seconds) {

        String insertScript() {
            return "insert into " + schema + ".tickets (number, subject, description_html, description_text, channel,"
                    + " requester_id, status_id, priority) values (nextval('" + schema + ".bench_numbers'), 'Printer"
                    + " toner empty', '<p>The printer on floor 2 says toner is empty</p>', 'The printer on floor 2 says"
                    + " toner is empty', 'API', 1, (select min(id) from " + schema + ".ticket_statuses), 'MEDIUM');\n";
        }

        /** What a create does, done raw: the counter taken last of the reads, the ticket, its history, its event. */
        String sameWorkScript() {
            return "begin;\n"
                    + "select id as requester from " + schema
                    + ".contacts where lower(email) = lower('client1@bench.test')"
                    + " \\gset\n"
                    + "update " + schema + ".ticket_number_counter set last_number = last_number + 1 returning"
                    + " last_number \\gset\n"
                    + "insert into " + schema
                    + ".tickets (number, subject, description_html, description_text, channel,"
                    + " requester_id, status_id, priority, created_by) values (:last_number, 'Printer toner empty', '<p>The"
                    + " printer on floor 2 says toner is empty</p>', 'The printer on floor 2 says toner is empty', 'API',"
                    + " :requester, (select min(id) from " + schema
                    + ".ticket_statuses), 'MEDIUM', 'bench') returning id"
                    + " \\gset\n"
                    + "insert into " + schema
                    + ".ticket_activities (ticket_id, actor_id, actor_name, action) values (:id,"
                    + " 'bench', 'Bench', 'created');\n"
                    + "insert into platform.outbox (id, tenant_slug, type, payload) values (gen_random_uuid(), 'bench',"
                    + " 'ticket.created', cast('{\"number\": ' || :last_number || '}' as jsonb));\n"
                    + "commit;\n";
        }

        double rate(String name, String script) throws IOException, InterruptedException {
            Matcher db = database();
            run(List.of(
                    "psql",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-q",
                    "-h",
                    db.group(1),
                    "-p",
                    db.group(2),
                    "-U",
                    user(),
                    "-d",
                    db.group(3),
                    "-c",
                    "create sequence if not exists " + schema + ".bench_numbers start 900000000"));
            Path file = Files.createTempFile("pgbench-" + name.replace(' ', '-'), ".sql");
            try {
                Files.writeString(file, script);
                String output = run(List.of(
                        "pgbench",
                        "-n",
                        "-M",
                        "prepared",
                        "-h",
                        db.group(1),
                        "-p",
                        db.group(2),
                        "-U",
                        user(),
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        Integer.toString(Math.min(clients, 2)),
                        "-T",
                        Integer.toString(seconds),
                        "-f",
                        file.toString(),
                        db.group(3)));
                Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
                Matcher failed = Pattern.compile("number of failed transactions: ([1-9][0-9]*)")
                        .matcher(output);
                if (!tps.find() || failed.find()) {
                    throw new IllegalStateException("pgbench " + name + " said: " + output);
                }
                return Double.parseDouble(tps.group(1));
            } finally {
                Files.deleteIfExists(file);
            }
        }

        private static Matcher database() {
            Matcher parts = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)")
                    .matcher(TestServices.endpoints().database().jdbcUrl());
            if (!parts.find()) {
                throw new IllegalStateException("not a PostgreSQL URL: "
                        + TestServices.endpoints().database().jdbcUrl());
            }
            return parts;
        }

        private static String user() {
            return TestServices.endpoints().database().user();
        }
    }

    private static String explain(DataSource dataSource, String sql) {
        return String.join(
                "\n",
                JdbcClient.create(dataSource)
                        .sql("explain (analyze, buffers) " + sql)
                        .query(String.class)
                        .list());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed: " + output);
        }
        return output;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** p50, p95 and p99 of sorted latencies in microseconds, and how many were measured. */
    static String summary(List<Long> micros) {
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d requests",
                percentile(micros, 50) / 1000.0,
                percentile(micros, 95) / 1000.0,
                percentile(micros, 99) / 1000.0,
                micros.size());
    }

    static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static String since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + " s";
    }
}
