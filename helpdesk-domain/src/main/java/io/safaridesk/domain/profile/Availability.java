package io.safaridesk.domain.profile;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/** Whether a user can take work now. */
public enum Availability {
    AVAILABLE,
    AWAY,
    BUSY,
    OFFLINE;

    /** The availability named {@code value} (any case), or a 422 problem naming the field {@code availability}. */
    public static Availability of(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("availability", "is not one of available, away, busy, offline");
        }
    }
}
