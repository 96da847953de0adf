package io.safaridesk.platform.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A ticket list query: every non-null filter restricts (they combine with AND), {@code text} is a web-search style
 * full-text query over subject and description ({@code "exact phrase"}, {@code -without}, {@code or}), and the page
 * starts after {@code after} in {@code sort} order.
 *
 * @param assignee an agent id; see {@link #unassigned}
 * @param unassigned true: only tickets without an assignee
 * @param view which shelf: the live tickets (default), the archive or the trash
 */
public record TicketQuery(
        Set<Long> statuses,
        Set<StatusCategory> statusCategories,
        Set<Priority> priorities,
        Long assignee,
        boolean unassigned,
        Long department,
        Long category,
        Channel channel,
        Long requester,
        String tag,
        Range created,
        Range updated,
        Range due,
        View view,
        String text,
        TicketSort sort,
        TicketSort.Position after,
        int limit) {

    public enum View {
        LIVE,
        ARCHIVED,
        TRASH,
        ALL
    }

    /** A half-open instant range; either end may be open. */
    public record Range(Instant from, Instant to) {
        public static final Range ANY = new Range(null, null);
    }

    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        statusCategories = statusCategories == null ? Set.of() : Set.copyOf(statusCategories);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        created = created == null ? Range.ANY : created;
        updated = updated == null ? Range.ANY : updated;
        due = due == null ? Range.ANY : due;
        view = view == null ? View.LIVE : view;
        sort = sort == null ? TicketSort.NEWEST : sort;
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** The statuses' categories as the SQL needs them. */
    List<String> categoryNames() {
        return statusCategories.stream().map(Enum::name).sorted().toList();
    }
}
