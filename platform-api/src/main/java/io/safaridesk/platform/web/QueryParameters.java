package io.safaridesk.platform.web;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Parsing of list query parameters shared by the list endpoints, collecting every bad parameter as a
 * {@link FieldProblem} instead of stopping at the first.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** The comma-separated values of {@code csv}, each parsed; empty when absent. */
    public static <T> Set<T> split(String csv, Function<String, T> parse) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(parse)
                .collect(Collectors.toSet());
    }

    /** An ISO instant, or an ISO date meaning its start in UTC; null when absent or bad (then a problem is added). */
    public static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "is not an ISO date or instant"));
            return null;
        }
    }

    /** An agent id, or {@code me} (the actor); null for none or {@code unassigned}, or when bad (a problem added). */
    public static Long agentId(String field, String value, Actor actor, List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("unassigned")) {
            return null;
        }
        if (value.equalsIgnoreCase("me")) {
            return actor.agentId();
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "is not an agent id, me or unassigned"));
            return null;
        }
    }

    /** Runs {@code parse}, collecting its field problems instead of stopping at the first. */
    public static <T> T collect(List<FieldProblem> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ApiProblem.InvalidInput e) {
            problems.addAll(e.fields());
            return null;
        }
    }
}
