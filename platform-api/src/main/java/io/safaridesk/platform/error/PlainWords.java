package io.safaridesk.platform.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a value of a Java type must look like, said in the API's words: never the type's name. */
final class PlainWords {

    private PlainWords() {}

    static String expected(Class<?> type) {
        if (type == null) {
            return "is not a valid value";
        }
        if (type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == Double.class
                || type == double.class
                || type == Float.class
                || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be an ISO date such as 2026-01-31";
        }
        if (type == LocalTime.class) {
            return "must be a time of day such as 09:30";
        }
        if (type == Duration.class) {
            return "must be an ISO-8601 duration such as PT1H";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "is not a valid value";
    }
}
