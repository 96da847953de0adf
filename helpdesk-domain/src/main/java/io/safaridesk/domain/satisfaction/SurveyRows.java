package io.safaridesk.domain.satisfaction;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows as the driver hands them. */
final class SurveyRows {

    private SurveyRows() {}

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not a time: " + value.getClass());
        };
    }

    static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
