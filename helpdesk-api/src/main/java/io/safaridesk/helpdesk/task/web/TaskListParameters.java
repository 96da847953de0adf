package io.safaridesk.helpdesk.task.web;

import static io.safaridesk.platform.web.QueryParameters.agentId;
import static io.safaridesk.platform.web.QueryParameters.collect;
import static io.safaridesk.platform.web.QueryParameters.instant;
import static io.safaridesk.platform.web.QueryParameters.split;

import io.safaridesk.domain.task.TaskQuery;
import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.web.Cursor;
import java.util.ArrayList;
import java.util.List;
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
        Long after = collect(problems, () -> Cursor.decodeId(cursor));
        TaskQuery query = new TaskQuery(
                view == null ? null : collect(problems, () -> TaskQuery.View.of("view", view)),
                collect(problems, () -> split(status, s -> TaskStatus.of("status", s))),
                collect(problems, () -> split(priority, p -> Priority.of("priority", p))),
                agentId("assigned_to", assignedTo, actor, problems),
                unassigned,
                department,
                ticket,
                instant("date_from", dateFrom, problems),
                instant("date_to", dateTo, problems),
                instant("due_from", dueFrom, problems),
                instant("due_to", dueTo, problems),
                q != null ? q : search,
                after == null ? 0 : after,
                pageSize);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return query;
    }
}
