package io.safaridesk.domain.ticket;

import java.util.List;
import java.util.Locale;

/** Ticket tags: trimmed, lower case, without blanks or repeats, in the order given. */
public final class Tags {

    private Tags() {}

    public static List<String> normalise(List<String> tags) {
        return tags == null
                ? List.of()
                : tags.stream()
                        .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                        .filter(tag -> !tag.isEmpty())
                        .distinct()
                        .toList();
    }
}
