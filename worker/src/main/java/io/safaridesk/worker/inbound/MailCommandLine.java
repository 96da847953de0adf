package io.safaridesk.worker.inbound;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code safaridesk mail ...}: the command's words and its options, checked as they are read, so a
 * bad argument is named (an {@link IllegalArgumentException}, exit code 2) before anything is done.
 */
record MailCommandLine(List<String> words, Map<String, String> options) {

    private static final Set<String> FLAGS = Set.of("--json");
    private static final Set<String> OPTIONS = Set.of("--before", "--limit", "--workspace", "--ticket", "--id");
    private static final Set<String> COMMANDS =
            Set.of("unroutable list", "unroutable show", "unroutable release", "unroutable delete", "retake");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    static MailCommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                options.put(args[i], "");
            } else if (args[i].startsWith("--")) {
                if (!OPTIONS.contains(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " lacks its value");
                }
                options.put(args[i], args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command is needed: unroutable list|show|release|delete, or retake");
        }
        MailCommandLine line = new MailCommandLine(List.copyOf(words), Map.copyOf(options));
        if (!COMMANDS.contains(line.command())) {
            throw new IllegalArgumentException("unknown command " + String.join(" ", words));
        }
        return line;
    }

    /** The command: {@code unroutable list}, {@code unroutable show}, ..., or {@code retake}. */
    String command() {
        return String.join(
                " ", words.subList(0, Math.min(words.getFirst().equals("unroutable") ? 2 : 1, words.size())));
    }

    boolean json() {
        return options.containsKey("--json");
    }

    /** The mail's id, the word after the command. */
    long id() {
        if (words.size() != 3) {
            throw new IllegalArgumentException("the mail's id is needed: " + command() + " ID");
        }
        return parseNumber(words.get(2), "the id");
    }

    TenantSlug workspace() {
        String slug = options.get("--workspace");
        if (slug == null) {
            throw new IllegalArgumentException("--workspace SLUG is needed");
        }
        return TenantSlug.of(slug);
    }

    /** A positive number given with {@code option}, or null. */
    Long number(String option) {
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

    int limit() {
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
