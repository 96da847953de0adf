package io.safaridesk.domain.ticket;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.Locale;

/** Parses the ticket vocabulary's enums from client input, answering a 422 problem that names the field. */
final class EnumValues {

    private EnumValues() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(field, "is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
