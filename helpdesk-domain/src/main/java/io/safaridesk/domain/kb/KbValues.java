package io.safaridesk.domain.kb;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parsing and normalising what clients send to the knowledge base. */
final class KbValues {

    private KbValues() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(
                    field,
                    "is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .toList());
        }
    }

    /** Tags trimmed, lower case, without blanks or repeats, in the order given. */
    static List<String> tags(List<String> tags) {
        return tags == null
                ? List.of()
                : tags.stream()
                        .filter(tag -> tag != null)
                        .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                        .filter(tag -> !tag.isEmpty())
                        .distinct()
                        .toList();
    }
}
