package io.safaridesk.worker.bench;

import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.inbound.InboundSettings;
import io.safaridesk.domain.inbound.MailboxDraft;
import io.safaridesk.domain.inbound.Mailboxes;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.worker.testing.Mailer;
import io.safaridesk.worker.testing.TenantRegistry;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound emails threaded per second, end to end: mails written with Jakarta Mail over SMTP to the test services' mail
 * server, read by the worker's mailbox readers over IMAP (IDLE), taken in (parsed, checked, threaded, stored) in
 * PostgreSQL. W workspaces with a mailbox each; phase 1 sends N/2 new mails (each opens a ticket), phase 2 N/2 replies
 * threaded by In-Reply-To to them. Each phase is timed from its first send to the last mail logged. Run by
 * {@code infra/bench/inbound-mail.sh}; not a test.
 *
 * <p>Arguments: {@code <mails> <workspaces> <smtp senders>}.
 */
public final class InboundMailBenchmark {

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int workspaceCount = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (ConfigurableApplicationContext worker = BenchWorker.start(Map.of(
                "safaridesk.inbound.enabled", "true",
                "safaridesk.inbound.refresh-interval", "1s",
                "safaridesk.inbound.poll-interval", "1s"))) {
            JdbcClient jdbc = worker.getBean(JdbcClient.class);
            Mailboxes mailboxes = worker.getBean(Mailboxes.class);
            InboundSettings inbound = worker.getBean(InboundSettings.class);
            List<WorkerTestWorkspace> workspaces = new ArrayList<>();
            List<String> addresses = new ArrayList<>();
            for (int w = 0; w < workspaceCount; w++) {
                WorkerTestWorkspace workspace = WorkerTestWorkspace.create(
                        worker.getBean(TenantSchemas.class),
                        worker.getBean(TransactionTemplate.class),
                        worker.getBean(Agents.class),
                        worker.getBean(Tickets.class));
                String address = "bench-" + workspace.slug().value() + "@"
                        + workspace.slug().value() + ".test";
                workspace.inTransaction(() -> {
                    inbound.change(null, InboundSettings.MAX_SENDER_LIMIT, null);
                    return mailboxes.create(new MailboxDraft(
                            "Bench",
                            address,
                            TestServices.endpoints().mail().imapHost(),
                            TestServices.endpoints().mail().imapPort(),
                            false,
                            address,
                            "bench",
                            "INBOX",
                            true,
                            null));
                });
                TenantRegistry.active(jdbc, workspace.slug());
                workspaces.add(workspace);
                addresses.add(address);
            }
            Thread.sleep(3_000); // the readers start and go into IDLE

            int half = Math.max(1, mails / 2);
            List<String> opened = new ArrayList<>();
            double newSeconds = phase(half, senders, workspaces, jdbc, i -> {
                String id = Mailer.from("customer-" + i + "@bench.test")
                        .to(addresses.get(i % addresses.size()))
                        .subject("Bench ticket " + i)
                        .text("Our printer " + i + " prints only blank pages.\n\nRegards,\nCustomer " + i)
                        .send();
                synchronized (opened) {
                    opened.add(i + " " + id);
                }
            });
            Map<Integer, String> firstIds = new HashMap<>();
            opened.forEach(line -> firstIds.put(Integer.parseInt(line.split(" ")[0]), line.split(" ")[1]));
            double replySeconds = phase(
                    half,
                    senders,
                    workspaces,
                    jdbc,
                    i -> Mailer.from("customer-" + i + "@bench.test")
                            .to(addresses.get(i % addresses.size()))
                            .subject("Re: Bench ticket " + i)
                            .text("Still blank.\n\nOn Mon, Support wrote:\n> Please check the toner.\n")
                            .inReplyTo(firstIds.get(i), firstIds.get(i))
                            .send());
            long threaded = 0;
            for (WorkerTestWorkspace workspace : workspaces) {
                threaded += jdbc.sql("select count(*) from " + workspace.slug().schemaName()
                                + ".inbound_mails where rule = 'IN_REPLY_TO'")
                        .query(Long.class)
                        .single();
            }
            System.out.printf("new tickets: %,d mails in %.1f s = %.1f mails/s%n", half, newSeconds, half / newSeconds);
            System.out.printf(
                    "threaded replies: %,d mails (%,d threaded by In-Reply-To) in %.1f s = %.1f mails/s%n",
                    half, threaded, replySeconds, half / replySeconds);
            System.out.printf(
                    "overall: %,d inbound mails in %.1f s = %.1f mails/s (%d workspaces, %d SMTP senders)%n",
                    2 * half,
                    newSeconds + replySeconds,
                    2 * half / (newSeconds + replySeconds),
                    workspaceCount,
                    senders);
            for (WorkerTestWorkspace workspace : workspaces) {
                jdbc.sql("update " + workspace.slug().schemaName() + ".mailboxes set enabled = false")
                        .update();
            }
        }
    }

    interface Send {
        void send(int i) throws Exception;
    }

    /** Sends {@code count} mails with parallel SMTP senders; answers the seconds until every one is logged. */
    private static double phase(
            int count, int senders, List<WorkerTestWorkspace> workspaces, JdbcClient jdbc, Send send) throws Exception {
        long before = logged(workspaces, jdbc);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    send.send(n);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        while (logged(workspaces, jdbc) - before < count) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static long logged(List<WorkerTestWorkspace> workspaces, JdbcClient jdbc) {
        long total = 0;
        for (WorkerTestWorkspace workspace : workspaces) {
            total += jdbc.sql("select count(*) from " + workspace.slug().schemaName() + ".inbound_mails")
                    .query(Long.class)
                    .single();
        }
        return total;
    }
}
