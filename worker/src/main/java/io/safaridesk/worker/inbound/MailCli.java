package io.safaridesk.worker.inbound;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.worker.WorkerApplication;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final Set<String> FLAGS = Set.of("--json");
    private static final Set<String> OPTIONS = Set.of("--before", "--limit", "--workspace", "--ticket", "--id");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private MailCli() {}

    /** In-process: a worker context without web server, mailbox readers, queue consumers or background sweeps. */
    @SafeVarargs
    public static int run(
            String[] args,
            PrintWriter out,
            PrintWriter err,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        if (parse(args, err) == null) {
            return USAGE;
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
        Command command = parse(args, err);
        if (command == null) {
            return USAGE;
        }
        try {
            return command.run(context.getBean(UnroutableMails.class), context.getBean(FailedMails.class), out);
        } catch (ApiProblem problem) {
            err.println("safaridesk mail: " + problem.getMessage());
            return problem.status().value() == 404
                    ? NOT_FOUND
                    : problem.status().is4xxClientError() ? USAGE : FAILED;
        } catch (IllegalArgumentException e) {
            err.println("safaridesk mail: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("safaridesk mail: failed: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private record Shown(UnroutableMails.Unroutable mail, String original) {}

    /** The parsed command line: positional words and options. */
    private record Command(List<String> words, Map<String, String> options) {

        int run(UnroutableMails unroutable, FailedMails failed, PrintWriter out) {
            boolean json = options.containsKey("--json");
            return switch (String.join(" ", words.subList(0, Math.min(2, words.size())))) {
                case "unroutable list" -> {
                    int limit = limit();
                    Long before = number("--before");
                    List<UnroutableMails.Unroutable> page =
                            unroutable.list(before == null ? Long.MAX_VALUE : before, limit);
                    if (json) {
                        out.println(JSON.writeValueAsString(page));
                    } else {
                        page.forEach(mail -> out.printf(
                                "%-6d %s  %-30s %-40s %s%n    reason: %s%n",
                                mail.id(),
                                mail.receivedAt(),
                                mail.fromAddress(),
                                mail.recipients(),
                                mail.subject(),
                                mail.reason()));
                        out.println(page.size() + " mail(s)"
                                + (page.size() == limit
                                        ? "; more: --before " + page.getLast().id()
                                        : ""));
                    }
                    yield 0;
                }
                case "unroutable show" -> {
                    long id = id();
                    UnroutableMails.Unroutable mail = unroutable.find(id);
                    String original = new String(unroutable.original(id), StandardCharsets.UTF_8);
                    if (json) {
                        out.println(JSON.writeValueAsString(new Shown(mail, original)));
                    } else {
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
                    }
                    yield 0;
                }
                case "unroutable release" -> {
                    UnroutableMails.Released released = unroutable.release(id(), workspace(), number("--ticket"));
                    out.println(
                            json
                                    ? JSON.writeValueAsString(released)
                                    : "Mail " + released.id() + " released into "
                                            + released.workspace().value()
                                            + (released.messageId() == null
                                                    ? " as ticket " + released.ticketId()
                                                    : " as a reply on ticket " + released.ticketId()));
                    yield 0;
                }
                case "unroutable delete" -> {
                    long id = id();
                    unroutable.delete(id);
                    out.println(json ? JSON.writeValueAsString(Map.of("deleted", id)) : "Mail " + id + " deleted.");
                    yield 0;
                }
                default -> {
                    if (!words.getFirst().equals("retake") || words.size() != 1) {
                        throw new IllegalArgumentException("unknown command " + String.join(" ", words));
                    }
                    List<FailedMails.Retaken> retaken = failed.retake(workspace(), number("--id"));
                    if (json) {
                        out.println(JSON.writeValueAsString(retaken));
                    } else {
                        retaken.forEach(
                                mail -> out.printf("%-6d %-50s %s%n", mail.logId(), mail.messageId(), mail.detail()));
                        out.println(retaken.size() + " mail(s) re-taken");
                    }
                    yield retaken.stream().anyMatch(mail -> mail.rule() == null) ? FAILED : 0;
                }
            };
        }

        private long id() {
            if (words.size() != 3) {
                throw new IllegalArgumentException("the mail's id is needed: " + words.get(1) + " ID");
            }
            return parseNumber(words.get(2), "the id");
        }

        private TenantSlug workspace() {
            String slug = options.get("--workspace");
            if (slug == null) {
                throw new IllegalArgumentException("--workspace SLUG is needed");
            }
            return TenantSlug.of(slug);
        }

        /** A positive number given with {@code option}, or null. */
        private Long number(String option) {
            String value = options.get(option);
            if (value == null) {
                return null;
            }
            long number = parseNumber(value, option);
            if (number < 1) {
                throw new IllegalArgumentException(option + " must be positive");
            }
            return number;
        }

        private int limit() {
            Long limit = number("--limit");
            if (limit != null && limit > MAX_LIMIT) {
                throw new IllegalArgumentException("--limit must be at most " + MAX_LIMIT);
            }
            return limit == null ? DEFAULT_LIMIT : limit.intValue();
        }

        private static long parseNumber(String value, String what) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a number, not " + value);
            }
        }
    }

    private static Command parse(String[] args, PrintWriter err) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                options.put(args[i], "");
            } else if (args[i].startsWith("--")) {
                if (!OPTIONS.contains(args[i])) {
                    return usage(err, "unknown option " + args[i]);
                }
                if (i + 1 == args.length) {
                    return usage(err, args[i] + " lacks its value");
                }
                options.put(args[i], args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            return usage(err, "a command is needed: unroutable list|show|release|delete, or retake");
        }
        return new Command(List.copyOf(words), Map.copyOf(options));
    }

    private static Command usage(PrintWriter err, String problem) {
        err.println("safaridesk mail: " + problem);
        err.println(USAGE_TEXT);
        err.flush();
        return null;
    }
}
