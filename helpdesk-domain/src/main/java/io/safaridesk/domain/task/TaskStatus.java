package io.safaridesk.domain.task;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.Locale;

/** Where a task stands: five fixed keys the product reasons about; the workspace names them ({@link TaskStatusLabels}). */
public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    BLOCKED,
    DONE,
    CANCELLED;

    /** Not done and not cancelled: work that still keeps its ticket from being resolved. */
    public boolean open() {
        return this != DONE && this != CANCELLED;
    }

    /** The status named {@code value} (any case, {@code in progress} and {@code in-progress} too), or a 422 on field. */
    public static TaskStatus of(String field, String value) {
        try {
            return valueOf(
                    value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(field, "is not one of " + Arrays.toString(values()));
        }
    }
}
