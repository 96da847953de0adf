package io.safaridesk.domain.satisfaction;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/**
 * A requester's answer to a survey. Two values, as Zendesk has them: a good/bad question is answered more often than
 * a 1-5 scale, and the CSAT score (good / (good + bad)) needs no threshold deciding which stars count as satisfied.
 */
public enum Rating {
    GOOD,
    BAD;

    /** The rating named {@code value} (any case), or a 422 problem naming {@code field}. */
    public static Rating of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField(field, "must be good or bad");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be good or bad");
        }
    }

    /** The lower-case name links and JSON use. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
