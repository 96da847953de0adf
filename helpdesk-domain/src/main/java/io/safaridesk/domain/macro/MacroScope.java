package io.safaridesk.domain.macro;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.Locale;

/** Who a macro is for: its owner alone, the members of one department, or every agent of the workspace. */
public enum MacroScope {
    PERSONAL,
    DEPARTMENT,
    WORKSPACE;

    /** The scope named {@code value} (any case), or a 422 problem naming {@code field}. */
    public static MacroScope of(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(field, "is not one of " + Arrays.toString(values()));
        }
    }

    /** Whether several agents use it, so that only admins manage it. */
    public boolean shared() {
        return this != PERSONAL;
    }
}
