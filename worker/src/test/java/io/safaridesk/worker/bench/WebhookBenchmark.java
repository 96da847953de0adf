package io.safaridesk.worker.bench;

import com.sun.net.httpserver.HttpServer;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.storage.StorageProperties;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery against a local HTTP receiver (the JDK's server, answering 200 at once), through the real outbox,
 * RabbitMQ, the webhooks consumer and the sender. Phase 1, throughput: N tickets are opened while the relay is held
 * back, then everything runs until N messages arrived. Phase 2, latency: M tickets one after the other with the relay
 * polling every 20 ms; per message, the time from the event (its {@code at}) to its arrival. Run by
 * {@code infra/bench/webhooks.sh}; not a test.
 *
 * <p>Arguments: {@code <tickets> <sequential>}.
 */
public final class WebhookBenchmark {

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int sequential = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        AtomicInteger received = new AtomicInteger();
        Map<Long, Long> latencies = new ConcurrentHashMap<>();
        JsonMapper json = JsonMapper.shared();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            long now = System.currentTimeMillis();
            var body = json.readTree(exchange.getRequestBody().readAllBytes());
            latencies.put(
                    body.get("data").get("ticket_id").asLong(),
                    now - Instant.parse(body.get("timestamp").asString()).toEpochMilli());
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (ConfigurableApplicationContext worker = BenchWorker.start(Map.of(
                "safaridesk.webhooks.allow-http", "true",
                "safaridesk.webhooks.allow-private-targets", "true",
                "safaridesk.webhooks.sweep-enabled", "false"))) {
            TenantSchemas schemas = worker.getBean(TenantSchemas.class);
            WorkerTestWorkspace workspace = WorkerTestWorkspace.create(
                    schemas,
                    worker.getBean(TransactionTemplate.class),
                    worker.getBean(Agents.class),
                    worker.getBean(Tickets.class));
            OutboxRelay relay = worker.getBean(OutboxRelay.class);
            Webhooks webhooks = worker.getBean(Webhooks.class);
            Actor admin = workspace.agent("Bench", Actor.Role.ADMIN);
            workspace.inTransaction(() -> webhooks.create(
                    new Webhooks.Draft(
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "bench",
                            List.of("ticket.created"),
                            null),
                    admin));
            relay.drain();

            for (int i = 0; i < tickets; i++) {
                workspace.ticket(admin, "Bench " + i, "bench-" + i + "@bench.test", Channel.API);
            }
            long started = System.nanoTime();
            while (received.get() < tickets) {
                relay.drain();
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "throughput: %d webhook messages in %.2f s = %.0f/s (queue consumers as configured)%n",
                    tickets, seconds, tickets / seconds);

            latencies.clear();
            Thread poller = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    relay.drain();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            int before = received.get();
            for (int i = 0; i < sequential; i++) {
                int expected = before + i + 1;
                workspace.ticket(admin, "Latency " + i, "latency-" + i + "@bench.test", Channel.API);
                while (received.get() < expected) {
                    Thread.sleep(1);
                }
            }
            poller.interrupt();
            List<Long> sorted = new ArrayList<>(latencies.values());
            Collections.sort(sorted);
            System.out.printf(
                    "latency event -> receiver over %d sequential events (relay polling 20 ms): p50 %d ms, p95 %d ms,"
                            + " max %d ms%n",
                    sorted.size(),
                    sorted.get(sorted.size() / 2),
                    sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                    sorted.getLast());
            List<Integer> http = worker.getBean(JdbcClient.class)
                    .sql("select latency_ms from " + workspace.slug().schemaName()
                            + ".webhook_deliveries order by latency_ms")
                    .query(Integer.class)
                    .list();
            System.out.printf(
                    "HTTP attempt latency (delivery log) over %d deliveries: p50 %d ms, p95 %d ms%n",
                    http.size(), http.get(http.size() / 2), http.get((int) Math.ceil(http.size() * 0.95) - 1));
            // the acknowledgements of the benchmark's tickets are never sent: no later delivery may meet them
            worker.getBean(JdbcClient.class)
                    .sql(
                            "update platform.mail_outbox set status = 'FAILED' where tenant_slug = ? and status = 'PENDING'")
                    .param(workspace.slug().value())
                    .update();
            workspace.discard(schemas, worker.getBean(StorageProperties.class));
        } finally {
            receiver.stop(0);
        }
    }
}
