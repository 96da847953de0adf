package io.safaridesk.helpdesk.task.web;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.task.TaskQuery;
import io.safaridesk.platform.task.TaskStatus;
import io.safaridesk.platform.ticket.Priority;
import io.safaridesk.platform.web.Cursor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of a task list: {@code view} (the seed's {@code all_tasks}, {@code my_tasks}, ...),
 * {@code status} and {@code priority} (comma-separated), {@code search} or {@code q} (full text), {@code assigned_to}
 * (an agent id, {@code me} or {@code unassigned}), {@code department}, {@code ticket}, {@code date_from}/{@code date_to}
 * (created), {@code due_from}/{@code due_to} (ISO instants or dates, a date meaning its start in UTC), {@code cursor}
 * and {@code limit} (1 to 100, default 25).
 */
record TaskListParameters(
        String view,
        String status,
        String priority,
        String search,
        String q,
        @BindParam("assigned_to") String assignedTo,
        Long department,
        Long ticket,
        @BindParam("date_from") String dateFrom,
        @BindParam("date_to") String dateTo,
        @BindParam("due_from") String dueFrom,
        @BindParam("due_to") String dueTo,
        String cursor,
        Integer limit) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    TaskQuery toQuery(Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        boolean unassigned = "unassigned".equalsIgnoreCase(assignedTo);
        TaskQuery query = new TaskQuery(
                view == null ? null : collect(problems, () -> TaskQuery.View.of("view", view)),
                collect(problems, () -> split(status, s -> TaskStatus.of("status", s))),
                collect(problems, () -> split(priority, p -> Priority.of("priority", p))),
                agentId(assignedTo, actor, problems),
                unassigned,
                department,
                ticket,
                instant("date_from", dateFrom, problems),
                instant("date_to", dateTo, problems),
                instant("due_from", dueFrom, problems),
                instant("due_to", dueTo, problems),
                q != null ? q : search,
                collect(problems, () -> Cursor.decodeId(cursor)),
                pageSize);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return query;
    }

    private static Long agentId(String value, Actor actor, List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("unassigned")) {
            return null;
        }
        if (value.equalsIgnoreCase("me")) {
            return actor.agentId();
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("assigned_to", "is not an agent id, me or unassigned"));
            return null;
        }
    }

    private static <T> Set<T> split(String csv, Function<String, T> parse) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(parse)
                .collect(Collectors.toSet());
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
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

    /** Runs {@code parse}, collecting its field problems instead of stopping at the first. */
    private static <T> T collect(List<FieldProblem> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ApiProblem.InvalidInput e) {
            problems.addAll(e.fields());
            return null;
        }
    }
}
