package io.safaridesk.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.safaridesk.domain.HelpdeskFeatures;
import io.safaridesk.worker.inbound.MailCli;
import io.safaridesk.worker.messaging.DlqCli;
import java.io.PrintWriter;
import java.util.Arrays;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"io.safaridesk.worker", "io.safaridesk.platform"})
// no knowledge base, reports or API tokens: the worker sends, receives, sweeps, exports and runs automation (macros,
// whose field changes triggers reuse; tasks, because a ticket that mail or a rule solves is held by its open tasks)
@HelpdeskFeatures({
    "agent",
    "attachment",
    "automation",
    "contact",
    "department",
    "export",
    "history",
    "inbound",
    "macro",
    "mail",
    "notification",
    "profile",
    "satisfaction",
    "settings",
    "sla",
    "task",
    "ticket",
    "webhook"
})
public class WorkerApplication {

    /**
     * Starts the worker, or with {@code dlq ...} runs the dead-letter queue command, with {@code mail ...} the inbound
     * mail command, and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("dlq")) {
            // stdout is the command's answer (JSON with --json): only warnings may be logged
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
            System.exit(DlqCli.run(
                    Arrays.copyOfRange(args, 1, args.length),
                    System.getenv(),
                    new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true)));
        }
        if (args.length > 0 && args[0].equals("mail")) {
            System.exit(MailCli.run(
                    Arrays.copyOfRange(args, 1, args.length),
                    new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true)));
        }
        SpringApplication.run(WorkerApplication.class, args);
    }
}
