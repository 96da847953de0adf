package io.safaridesk.domain.automation;

import io.safaridesk.domain.sla.BusinessTimeCalculator;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;

/**
 * What a rule's conditions are evaluated against: the ticket as it is now, the event that set a trigger off (the
 * fields it changed, from and to), when the ticket last changed status and assignee, and the time of the evaluation.
 * Values of ids compare as text; statuses by name (an event names statuses, a condition stores the id, resolved here
 * by {@code statusName}).
 */
record RuleFacts(
        Ticket ticket,
        TicketStatus status,
        String requesterEmail,
        Instant statusChangedAt,
        Instant assigneeChangedAt,
        Map<String, Change> changes,
        Instant now,
        LongFunction<String> statusName,
        LongFunction<BusinessTimeCalculator> calendars) {

    /** A field an event changed, from and to (as the event's text). */
    record Change(String from, String to) {}

    /** Whether one condition holds, and the value it looked at (for the dry run's "why"). */
    record Outcome(Condition condition, boolean holds, String actual) {}

    /** Every condition's outcome, in order. */
    List<Outcome> evaluate(List<Condition> conditions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Condition condition : conditions) {
            outcomes.add(evaluate(condition));
        }
        return outcomes;
    }

    static boolean allHold(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(Outcome::holds);
    }

    Outcome evaluate(Condition c) {
        String operator = c.operator();
        if (operator.startsWith("changed")) {
            Change change = changes.get(c.field());
            String actual = change == null ? "not changed" : change.from() + " -> " + change.to();
            if (change == null) {
                return new Outcome(c, false, actual);
            }
            boolean holds = switch (operator) {
                case "changed" -> true;
                case "changed_from" -> same(c.field(), c.value(), change.from());
                default -> same(c.field(), c.value(), change.to());
            };
            return new Outcome(c, holds, actual);
        }
        return switch (c.field()) {
            case "status" -> equality(c, status.name(), same("status", c.value(), status.name()));
            case "status_category" ->
                equality(
                        c,
                        status.category().name(),
                        status.category().name().equals(c.value().asString()));
            case "priority" ->
                equality(
                        c,
                        ticket.priority().name(),
                        ticket.priority().name().equals(c.value().asString()));
            case "channel" ->
                equality(
                        c,
                        ticket.channel().name(),
                        ticket.channel().name().equals(c.value().asString()));
            case "department_id" ->
                equality(c, text(ticket.departmentId()), same("department_id", c.value(), text(ticket.departmentId())));
            case "assignee_id" ->
                equality(c, text(ticket.assigneeId()), same("assignee_id", c.value(), text(ticket.assigneeId())));
            case "requester_domain" -> {
                String domain = domain(requesterEmail);
                yield equality(c, domain, c.value().asString().equals(domain));
            }
            case "tags" -> {
                List<String> wanted = new ArrayList<>();
                c.value().forEach(tag -> wanted.add(tag.asString()));
                boolean holds = operator.equals("contains")
                        ? ticket.tags().containsAll(wanted)
                        : wanted.stream().noneMatch(ticket.tags()::contains);
                yield new Outcome(c, holds, String.join(",", ticket.tags()));
            }
            case "subject" -> {
                boolean contains = ticket.subject()
                        .toLowerCase(Locale.ROOT)
                        .contains(c.value().asString().toLowerCase(Locale.ROOT));
                yield new Outcome(c, operator.equals("contains") == contains, ticket.subject());
            }
            case "business_hours" -> {
                BusinessTimeCalculator calendar = calendars.apply(c.calendarId());
                if (calendar == null) {
                    yield new Outcome(c, false, "calendar " + c.calendarId() + " no longer exists");
                }
                boolean open = calendar.isOpenAt(now);
                yield new Outcome(c, open == c.value().asBoolean(), Boolean.toString(open));
            }
            default -> elapsed(c);
        };
    }

    /** When the elapsed time of a {@code hours_since_...} field starts. */
    Instant anchor(String field) {
        return switch (field) {
            case "hours_since_created" -> ticket.createdAt();
            case "hours_since_updated" -> ticket.updatedAt();
            case "hours_since_status_changed" -> statusChangedAt;
            default -> assigneeChangedAt;
        };
    }

    private Outcome elapsed(Condition c) {
        Instant from = anchor(c.field());
        Duration elapsed;
        if (c.calendarId() == null) {
            elapsed = Duration.between(from, now);
        } else {
            BusinessTimeCalculator calendar = calendars.apply(c.calendarId());
            if (calendar == null) {
                return new Outcome(c, false, "calendar " + c.calendarId() + " no longer exists");
            }
            elapsed = from.isBefore(now) ? calendar.businessTimeBetween(from, now) : Duration.ZERO;
        }
        double hours = elapsed.toSeconds() / 3600.0;
        return new Outcome(c, hours > c.value().asDouble(), String.format(Locale.ROOT, "%.2f hours", hours));
    }

    private static Outcome equality(Condition c, String actual, boolean same) {
        return new Outcome(c, c.operator().equals("is") == same, actual);
    }

    /** Whether a stored condition value names the same thing as an actual value (text, possibly null). */
    private boolean same(String field, JsonNode expected, String actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isBlank();
        }
        if (field.equals("status")) {
            return actual != null && statusName.apply(expected.asLong()).equalsIgnoreCase(actual);
        }
        return actual != null && expected.asString().equalsIgnoreCase(actual);
    }

    private static String text(Long id) {
        return id == null ? null : id.toString();
    }

    private static String domain(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
