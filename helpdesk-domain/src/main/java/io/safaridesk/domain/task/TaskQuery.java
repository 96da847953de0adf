package io.safaridesk.domain.task;

import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.error.ApiProblem;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A task list query: every non-null filter restricts (they combine with AND), {@code text} is a web-search style
 * full-text query over title and description; pages are newest first and start after the task {@code afterId}.
 *
 * @param assignee an agent id; see {@link #unassigned}
 * @param unassigned true: only tasks without an assignee
 */
public record TaskQuery(
        View view,
        Set<TaskStatus> statuses,
        Set<Priority> priorities,
        Long assignee,
        boolean unassigned,
        Long department,
        Long ticket,
        Instant createdFrom,
        Instant createdTo,
        Instant dueFrom,
        Instant dueTo,
        String text,
        long afterId,
        int limit) {

    /** The seed's views; each has a count in {@link TaskSearch#counts}. */
    public enum View {
        ALL_TASKS,
        MY_TASKS,
        OPEN_TASKS,
        IN_PROGRESS_TASKS,
        COMPLETED_TASKS,
        OVERDUE_TASKS,
        ARCHIVED_TASKS,
        TRASH_TASKS;

        /** The view named {@code value} ({@code my_tasks}, any case), or a 422 problem naming {@code field}. */
        public static View of(String field, String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw ApiProblem.invalidField(
                        field,
                        "is not one of "
                                + Arrays.stream(values())
                                        .map(v -> v.name().toLowerCase(Locale.ROOT))
                                        .toList());
            }
        }

        /** The SQL condition of the view on task alias {@code k}; {@code :me} and {@code :now} are bound. */
        String condition() {
            String live = "k.trashed_at is null and not k.archived";
            String open = "k.status not in ('DONE', 'CANCELLED')";
            return switch (this) {
                case ALL_TASKS -> live;
                case MY_TASKS -> live + " and k.assignee_id = :me";
                case OPEN_TASKS -> live + " and " + open;
                case IN_PROGRESS_TASKS -> live + " and k.status = 'IN_PROGRESS'";
                case COMPLETED_TASKS -> live + " and k.status = 'DONE'";
                case OVERDUE_TASKS -> live + " and " + open + " and k.due_at < :now";
                case ARCHIVED_TASKS -> "k.trashed_at is null and k.archived";
                case TRASH_TASKS -> "k.trashed_at is not null";
            };
        }
    }

    public TaskQuery {
        view = view == null ? View.ALL_TASKS : view;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
