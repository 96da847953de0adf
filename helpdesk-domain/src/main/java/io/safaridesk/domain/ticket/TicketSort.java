package io.safaridesk.domain.ticket;

import io.safaridesk.platform.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The orders a ticket list comes in, each a unique key (the sort value, then the id) so that keyset pagination neither
 * skips nor repeats a ticket while others are added. Tickets without a due date come last in due order.
 */
public enum TicketSort {
    NEWEST("-created_at", "t.created_at", false),
    OLDEST("created_at", "t.created_at", true),
    RECENTLY_UPDATED("-updated_at", "t.updated_at", false),
    LEAST_RECENTLY_UPDATED("updated_at", "t.updated_at", true),
    DUE_SOONEST("due_at", "coalesce(t.due_at, 'infinity'::timestamptz)", true),
    MOST_URGENT(
            "priority",
            "case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end",
            true),
    LOWEST_NUMBER("number", "t.number", true),
    HIGHEST_NUMBER("-number", "t.number", false);

    private final String parameter;
    private final String expression;
    private final boolean ascending;

    TicketSort(String parameter, String expression, boolean ascending) {
        this.parameter = parameter;
        this.expression = expression;
        this.ascending = ascending;
    }

    /** The order a client names ({@code -created_at}, {@code due_at}, ...), or a 422 problem on {@code sort}. */
    public static TicketSort of(String parameter) {
        for (TicketSort sort : values()) {
            if (sort.parameter.equals(parameter)) {
                return sort;
            }
        }
        throw ApiProblem.invalidField("sort", "is not one of " + parameters());
    }

    private static String parameters() {
        StringBuilder names = new StringBuilder();
        for (TicketSort sort : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(sort.parameter);
        }
        return names.toString();
    }

    String expression() {
        return expression;
    }

    boolean ascending() {
        return ascending;
    }

    /** Where a page ends: the last ticket's sort value and id, to be passed back as an opaque cursor. */
    public record Position(TicketSort sort, String value, long id) {

        /** The cursor for the page after {@code ticket}. */
        static Position after(TicketSort sort, Ticket ticket) {
            String value = switch (sort) {
                case NEWEST, OLDEST -> ticket.createdAt().toString();
                case RECENTLY_UPDATED, LEAST_RECENTLY_UPDATED ->
                    ticket.updatedAt().toString();
                case DUE_SOONEST ->
                    ticket.dueAt() == null ? "infinity" : ticket.dueAt().toString();
                case MOST_URGENT -> Integer.toString(ticket.priority().ordinal());
                case LOWEST_NUMBER, HIGHEST_NUMBER -> Long.toString(ticket.number());
            };
            return new Position(sort, value, ticket.id());
        }

        public String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((sort.name() + "|" + value + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** The position a cursor names, which must come from a list in {@code sort} order; null for the first page. */
        public static Position decode(String cursor, TicketSort sort) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                Position position = new Position(TicketSort.valueOf(parts[0]), parts[1], Long.parseLong(parts[2]));
                if (position.sort != sort) {
                    throw new IllegalArgumentException("cursor of another order");
                }
                position.sqlValue();
                return position;
            } catch (RuntimeException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor of this list in this order");
            }
        }

        /** The sort value as the SQL parameter compares it. */
        Object sqlValue() {
            return switch (sort) {
                case MOST_URGENT -> Integer.parseInt(value);
                case LOWEST_NUMBER, HIGHEST_NUMBER -> Long.parseLong(value);
                case DUE_SOONEST ->
                    value.equals("infinity")
                            ? java.time.OffsetDateTime.MAX
                            : Instant.parse(value).atOffset(java.time.ZoneOffset.UTC);
                default -> Instant.parse(value).atOffset(java.time.ZoneOffset.UTC);
            };
        }
    }
}
