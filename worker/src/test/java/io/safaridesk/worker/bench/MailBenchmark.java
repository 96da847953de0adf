package io.safaridesk.worker.bench;

import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound mails per second against the test services' SMTP server. Phase 1, delivery alone: N rendered mails wait in
 * the mail outbox and S senders (each claiming batches with skip locked) deliver them. Phase 2, end to end: N tickets
 * are opened while the relay is held back, then relay, consumer (acknowledgement mail per ticket) and S senders run
 * until every acknowledgement is sent. Run by {@code infra/bench/mail.sh}; not a test.
 *
 * <p>Arguments: {@code <mails> <senders>}.
 */
public final class MailBenchmark {

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (ConfigurableApplicationContext worker = BenchWorker.start(Map.of("safaridesk.mail.batch-size", "100"))) {
            JdbcClient jdbc = worker.getBean(JdbcClient.class);
            MailDelivery delivery = worker.getBean(MailDelivery.class);
            OutboxRelay relay = worker.getBean(OutboxRelay.class);
            // nothing left over from earlier runs may count
            jdbc.sql("update platform.mail_outbox set status = 'FAILED' where status = 'PENDING'")
                    .update();
            relay.drain();

            String run = UUID.randomUUID().toString().substring(0, 8);
            jdbc.sql("insert into platform.mail_outbox (id, tenant_slug, kind, message_id, from_address, recipient,"
                            + " subject, body_text, body_html, auto_submitted) select gen_random_uuid(), null,"
                            + " 'bench', '<bench-' || ? || '-' || n || '@safaridesk.local>', 'no-reply@safaridesk.local',"
                            + " 'bench-' || ? || '@bench.test', 'Benchmark mail ' || n, repeat('Plain text. ', 80),"
                            + " '<html><body>' || repeat('<p>HTML text.</p>', 80) || '</body></html>', true"
                            + " from generate_series(1, ?) n")
                    .params(run, run, mails)
                    .update();
            long started = System.nanoTime();
            long delivered = 0;
            while (delivered < mails) {
                deliverAll(delivery, senders);
                delivered = jdbc.sql(
                                "select count(*) from platform.mail_outbox where recipient = ? and status = 'SENT'")
                        .param("bench-" + run + "@bench.test")
                        .query(Long.class)
                        .single();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "delivery alone: %,d mails with %d senders in %.1f s = %.0f mails/s%n",
                    delivered, senders, seconds, delivered / seconds);

            WorkerTestWorkspace workspace = WorkerTestWorkspace.create(
                    worker.getBean(TenantSchemas.class),
                    worker.getBean(TransactionTemplate.class),
                    worker.getBean(Agents.class),
                    worker.getBean(Tickets.class));
            Actor agent = workspace.agent("Bench", Actor.Role.ADMIN);
            int tickets = Math.max(1, mails / 4);
            for (int i = 0; i < tickets; i++) {
                workspace.ticket(agent, "Bench " + i, "e2e-" + run + "-" + i + "@bench.test", Channel.WEB);
            }
            started = System.nanoTime();
            long sent = 0;
            while (sent < tickets) {
                relay.drain();
                deliverAll(delivery, senders);
                sent = jdbc.sql("select count(*) from platform.mail_outbox where tenant_slug = ? and status = 'SENT'")
                        .param(workspace.slug().value())
                        .query(Long.class)
                        .single();
                Thread.sleep(20);
            }
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "end to end (outbox -> RabbitMQ -> consumer -> mail outbox -> SMTP): %,d acknowledgements in %.1f s"
                            + " = %.0f mails/s%n",
                    tickets, seconds, tickets / seconds);
        }
    }

    private static int deliverAll(MailDelivery delivery, int senders) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                results.add(pool.submit(delivery::drain));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            return total;
        }
    }
}
