package io.safaridesk.worker.messaging;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code safaridesk dlq list|replay|purge}: the operator's view of the dead-letter queues, straight against RabbitMQ
 * ({@code SAFARIDESK_AMQP_URL}, queue prefix {@code SAFARIDESK_QUEUE_PREFIX}), without starting the worker.
 *
 * <pre>
 * dlq list   [--concern notifications] [--limit 50] [--json]
 * dlq replay [--concern notifications] [--id MESSAGE_ID] [--json]
 * dlq purge  [--concern notifications] [--json]
 * </pre>
 *
 * Exit codes: 0 done, 1 failed (RabbitMQ unreachable), 2 bad arguments.
 */
public final class DlqCli {

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private DlqCli() {}

    /** Runs the command against the broker named by the environment. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        URI amqp = URI.create(env.getOrDefault("SAFARIDESK_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672"));
        CachingConnectionFactory connections = new CachingConnectionFactory(amqp);
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        try {
            MessagingProperties properties = new MessagingProperties(
                    env.getOrDefault("SAFARIDESK_QUEUE_PREFIX", "safaridesk.worker"),
                    5,
                    List.of(Duration.ofSeconds(1)),
                    Duration.ofSeconds(1),
                    null);
            return run(args, new DeadLetters(new RabbitTemplate(connections), properties), out, err);
        } finally {
            connections.destroy();
        }
    }

    /** Runs the command on {@code deadLetters}: the running worker's own, when it answers the command itself. */
    public static int run(String[] args, DeadLetters deadLetters, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            return usage(err, "a command is needed: list, replay or purge");
        }
        String command = args[0];
        String concernName = "notifications";
        String id = null;
        int limit = 50;
        boolean json = false;
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            while (!rest.isEmpty()) {
                String option = rest.removeFirst();
                switch (option) {
                    case "--json" -> json = true;
                    case "--concern" -> concernName = rest.removeFirst();
                    case "--id" -> id = rest.removeFirst();
                    case "--limit" -> limit = Integer.parseInt(rest.removeFirst());
                    default -> {
                        return usage(err, "unknown option " + option);
                    }
                }
            }
        } catch (RuntimeException e) {
            return usage(err, "an option lacks its value");
        }
        String wanted = concernName;
        Optional<Concern> concern =
                Concern.ALL.stream().filter(c -> c.name().equals(wanted)).findFirst();
        if (concern.isEmpty()) {
            return usage(err, "no concern " + concernName + " (known: notifications)");
        }
        try {
            switch (command) {
                case "list" -> {
                    List<DeadLetters.DeadLetter> letters = deadLetters.list(concern.get(), limit);
                    if (json) {
                        out.println(JSON.writeValueAsString(letters));
                    } else {
                        letters.forEach(letter -> out.printf(
                                "%s  %-26s %-20s attempts=%d  failed=%s  %s%n",
                                letter.messageId(),
                                letter.type(),
                                letter.workspace(),
                                letter.attempts(),
                                letter.failedAt(),
                                letter.error()));
                        out.println(letters.size() + " message(s)");
                    }
                }
                case "replay" -> print(out, json, "replayed", deadLetters.replay(concern.get(), id));
                case "purge" -> print(out, json, "purged", deadLetters.purge(concern.get()));
                default -> {
                    return usage(err, "unknown command " + command + ": list, replay or purge");
                }
            }
        } catch (AmqpException e) {
            err.println("RabbitMQ unavailable: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
        }
        return 0;
    }

    private static void print(PrintWriter out, boolean json, String what, int count) {
        out.println(json ? JSON.writeValueAsString(Map.of(what, count)) : count + " message(s) " + what);
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("safaridesk dlq: " + problem);
        err.println("usage: safaridesk dlq list|replay|purge [--concern notifications] [--id ID] [--limit N] [--json]");
        err.flush();
        return USAGE;
    }
}
