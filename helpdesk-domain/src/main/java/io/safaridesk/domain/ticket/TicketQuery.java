package io.safaridesk.domain.ticket;

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
 * @param view which shelf: the live tickets (default), the archive, the trash or the merged tickets
 * @param marks the seed's views that are no shelf (overdue, requested by, breached, reopened)
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
        int limit,
        Marks marks) {

    public enum View {
        LIVE,
        ARCHIVED,
        TRASH,
        ALL,
        /** Merged into another ticket, not in the trash. */
        MERGED
    }

    /**
     * Restrictions that the seed's views add: {@code overdue} (due before now, not solved), {@code requestedBy} (opened
     * by this realm user), {@code slaBreached} (an SLA clock breached), {@code reopened} (reopened at least once).
     */
    public record Marks(boolean overdue, String requestedBy, boolean slaBreached, boolean reopened) {
        public static final Marks NONE = new Marks(false, null, false, false);
    }

    /** A query without {@link Marks}. */
    public TicketQuery(
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
        this(
                statuses,
                statusCategories,
                priorities,
                assignee,
                unassigned,
                department,
                category,
                channel,
                requester,
                tag,
                created,
                updated,
                due,
                view,
                text,
                sort,
                after,
                limit,
                Marks.NONE);
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
        marks = marks == null ? Marks.NONE : marks;
    }

    /** The statuses' categories as the SQL needs them. */
    List<String> categoryNames() {
        return statusCategories.stream().map(Enum::name).sorted().toList();
    }
}
