package io.safaridesk.domain.department;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/**
 * How a department hands out its new tickets that no assignment rule assigned: not at all (an agent picks them up),
 * in turn among its available members, or to the available member with the fewest open and pending tickets.
 */
public enum AssignmentMode {
    MANUAL,
    ROUND_ROBIN,
    LEAST_OPEN;

    /** The mode named {@code value} (any case), or a 422 problem naming {@code field}. */
    public static AssignmentMode of(String field, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(field, "is not one of manual, round_robin, least_open");
        }
    }
}
