package io.safaridesk.worker.inbound;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.worker.WorkerApplication;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code safaridesk mail ...}: platform operators handle the catch-all's unroutable mail and re-take FAILED mail after
 * a fix. Run by the running worker for the launcher's thin client ({@code POST /operator/mail}), else in-process on a
 * web-less worker context that reads no mailbox and consumes no queue.
 *
 * <pre>
 * mail unroutable list [--before ID] [--limit 50] [--json]
 * mail unroutable show ID [--json]
 * mail unroutable release ID --workspace SLUG [--ticket N] [--json]
 * mail unroutable delete ID
 * mail retake --workspace SLUG [--id LOG_ID] [--json]
 * </pre>
 *
 * Exit codes: 0 done, 1 failed (also: some mail failed again on re-take), 2 bad arguments, 3 no such mail or
 * workspace.
 */
public final class MailCli {

    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;

    private static final String USAGE_TEXT = """
            usage: safaridesk mail unroutable list [--before ID] [--limit N] [--json]
                   safaridesk mail unroutable show ID [--json]
                   safaridesk mail unroutable release ID --workspace SLUG [--ticket N] [--json]
                   safaridesk mail unroutable delete ID
                   safaridesk mail retake --workspace SLUG [--id LOG_ID] [--json]""";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final UnroutableMails unroutable;
    private final FailedMails failed;
    private final PrintWriter out;

    private MailCli(UnroutableMails unroutable, FailedMails failed, PrintWriter out) {
        this.unroutable = unroutable;
        this.failed = failed;
        this.out = out;
    }

    /** In-process: a worker context without web server, mailbox readers, queue consumers or background sweeps. */
    @SafeVarargs
    public static int run(
            String[] args,
            PrintWriter out,
            PrintWriter err,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        try {
            MailCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .properties(Map.of(
                        "safaridesk.inbound.enabled", "false",
                        "safaridesk.outbox.relay-enabled", "false",
                        "safaridesk.mail.delivery-enabled", "false",
                        "safaridesk.webhooks.sweep-enabled", "false",
                        "safaridesk.exports.sweep-enabled", "false",
                        "safaridesk.audit.purge-enabled", "false",
                        "spring.rabbitmq.listener.simple.auto-startup", "false",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "WARN"))
                .initializers(initializers)
                .run()) {
            return run(context, args, out, err);
        }
    }

    /** In the running worker (its operator endpoint), on its own beans. */
    public static int run(ApplicationContext context, String[] args, PrintWriter out, PrintWriter err) {
        MailCommandLine line;
        try {
            line = MailCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try {
            return new MailCli(context.getBean(UnroutableMails.class), context.getBean(FailedMails.class), out)
                    .execute(line);
        } catch (ApiProblem problem) {
            err.println("safaridesk mail: " + problem.getMessage());
            return problem.status().value() == 404
                    ? NOT_FOUND
                    : problem.status().is4xxClientError() ? USAGE : FAILED;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (RuntimeException e) {
            err.println("safaridesk mail: failed: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int execute(MailCommandLine line) {
        return switch (line.command()) {
            case "unroutable list" -> list(line);
            case "unroutable show" -> show(line);
            case "unroutable release" -> release(line);
            case "unroutable delete" -> delete(line);
            case "retake" -> retake(line);
            default -> throw new IllegalArgumentException("unknown command " + String.join(" ", line.words()));
        };
    }

    private int list(MailCommandLine line) {
        int limit = line.limit();
        Long before = line.number("--before");
        List<UnroutableMails.Unroutable> page = unroutable.list(before == null ? Long.MAX_VALUE : before, limit);
        if (line.json()) {
            out.println(JSON.writeValueAsString(page));
            return 0;
        }
        page.forEach(mail -> out.printf(
                "%-6d %s  %-30s %-40s %s%n    reason: %s%n",
                mail.id(), mail.receivedAt(), mail.fromAddress(), mail.recipients(), mail.subject(), mail.reason()));
        out.println(page.size() + " mail(s)"
                + (page.size() == limit ? "; more: --before " + page.getLast().id() : ""));
        return 0;
    }

    private record Shown(UnroutableMails.Unroutable mail, String original) {}

    private int show(MailCommandLine line) {
        long id = line.id();
        UnroutableMails.Unroutable mail = unroutable.find(id);
        String original = new String(unroutable.original(id), StandardCharsets.UTF_8);
        if (line.json()) {
            out.println(JSON.writeValueAsString(new Shown(mail, original)));
            return 0;
        }
        out.printf(
                "id:          %d%nreceived:    %s%nmessage-id:  %s%nfrom:        %s%nrecipients:  %s%n"
                        + "subject:     %s%nreason:      %s%n%n%s%n",
                mail.id(),
                mail.receivedAt(),
                mail.messageId(),
                mail.fromAddress(),
                mail.recipients(),
                mail.subject(),
                mail.reason(),
                original);
        return 0;
    }

    private int release(MailCommandLine line) {
        UnroutableMails.Released released = unroutable.release(line.id(), line.workspace(), line.number("--ticket"));
        out.println(
                line.json()
                        ? JSON.writeValueAsString(released)
                        : "Mail " + released.id() + " released into "
                                + released.workspace().value()
                                + (released.messageId() == null
                                        ? " as ticket " + released.ticketId()
                                        : " as a reply on ticket " + released.ticketId()));
        return 0;
    }

    private int delete(MailCommandLine line) {
        long id = line.id();
        unroutable.delete(id);
        out.println(line.json() ? JSON.writeValueAsString(Map.of("deleted", id)) : "Mail " + id + " deleted.");
        return 0;
    }

    /** Exit code 1 when a mail failed again: the operator's fix did not cover it. */
    private int retake(MailCommandLine line) {
        if (line.words().size() != 1) {
            throw new IllegalArgumentException("retake takes no words, only options");
        }
        List<FailedMails.Retaken> retaken = failed.retake(line.workspace(), line.number("--id"));
        if (line.json()) {
            out.println(JSON.writeValueAsString(retaken));
        } else {
            retaken.forEach(mail -> out.printf("%-6d %-50s %s%n", mail.logId(), mail.messageId(), mail.detail()));
            out.println(retaken.size() + " mail(s) re-taken");
        }
        return retaken.stream().anyMatch(mail -> mail.rule() == null) ? FAILED : 0;
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("safaridesk mail: " + problem);
        err.println(USAGE_TEXT);
        err.flush();
        return USAGE;
    }
}
