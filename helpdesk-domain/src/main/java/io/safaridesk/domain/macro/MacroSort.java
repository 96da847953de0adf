package io.safaridesk.domain.macro;

import io.safaridesk.platform.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** The orders of the macro list: by name (A to Z), or most used first; ties in id order. */
public enum MacroSort {
    NAME("order by lower(m.name), m.id", "(lower(m.name), m.id) > (lower(:after_value), :after_id)"),
    USAGE(
            "order by m.usage_count desc, m.id",
            "(m.usage_count < cast(:after_value as bigint)"
                    + " or (m.usage_count = cast(:after_value as bigint) and m.id > :after_id))");

    private final String orderBy;
    private final String after;

    MacroSort(String orderBy, String after) {
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The order named {@code value} (any case), or a 422 problem naming {@code field}. */
    public static MacroSort of(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(
                    field, "is not one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    String orderBy() {
        return orderBy;
    }

    /** The condition that keeps the rows after a {@link Position}. */
    String after() {
        return after;
    }

    /** Where a page ends: the last macro's sort value and id, passed back as an opaque cursor. */
    record Position(MacroSort sort, long id, String value) {

        static Position after(MacroSort sort, Macro macro) {
            String value = switch (sort) {
                case NAME -> macro.name();
                case USAGE -> Long.toString(macro.usageCount());
            };
            return new Position(sort, macro.id(), value);
        }

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((sort.name() + "|" + id + "|" + value).getBytes(StandardCharsets.UTF_8));
        }

        /** The position a cursor names, which must come from a list in {@code sort} order; null for the first page. */
        static Position decode(String cursor, MacroSort sort) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
                Position position = new Position(MacroSort.valueOf(parts[0]), Long.parseLong(parts[1]), parts[2]);
                if (position.sort != sort || (sort == USAGE && Long.parseLong(position.value) < 0)) {
                    throw new IllegalArgumentException("cursor of another order");
                }
                return position;
            } catch (RuntimeException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor of this list in this order");
            }
        }
    }
}
