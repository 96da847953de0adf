package io.safaridesk.domain.settings;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/** Which tickets an agent sees: those of their departments, or all of the workspace's. */
public enum TicketVisibility {
    DEPARTMENT,
    ALL;

    /** The visibility named {@code value} (any case), or a 422 problem naming the field {@code ticket_visibility}. */
    public static TicketVisibility of(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("ticket_visibility", "is not one of DEPARTMENT, ALL");
        }
    }
}
