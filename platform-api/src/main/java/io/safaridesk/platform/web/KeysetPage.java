package io.safaridesk.platform.web;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a keyset-paginated list: its items in id order and, when the page is full, the {@link Cursor} that
 * starts the next one.
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {

    public static <T> KeysetPage<T> of(List<T> items, int limit, ToLongFunction<T> id) {
        return new KeysetPage<>(items, items.size() == limit ? Cursor.encodeId(id.applyAsLong(items.getLast())) : null);
    }
}
