package io.safaridesk.domain.sla;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.i18n.TimeZoneId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA calendars of the workspace in context: what admins define, validated field by field (each bad field named
 * as the client sent it, such as {@code hours[2].start}), and the business-time calculator of each.
 */
@Component
@Transactional
public class Calendars {

    private final SlaCalendarRepository repository;
    private final SlaPolicyRepository policies;
    private final SlaSettings slaSettings;
    private final Settings settings;
    private final Clock clock;

    Calendars(
            SlaCalendarRepository repository,
            SlaPolicyRepository policies,
            SlaSettings slaSettings,
            Settings settings,
            Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.slaSettings = slaSettings;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A calendar as an admin sends it, unparsed. {@code kind} is a {@link CalendarKind} name; {@code timeZone} an IANA
     * zone, the workspace's when null; a 24x7 calendar has neither hours nor holidays, the others need hours.
     * {@code version} guards against lost updates when given.
     */
    public record Details(
            String name,
            String kind,
            String timeZone,
            List<Hours> hours,
            List<HolidayDetails> holidays,
            Integer version) {}

    /**
     * Opening hours: {@code day} MONDAY to SUNDAY, {@code start} and {@code end} as HH:MM; hours that run past midnight
     * set {@code endsNextDay} and end at or before their start (00:00 for midnight).
     */
    public record Hours(String day, String start, String end, Boolean endsNextDay) {}

    /**
     * A named holiday: {@code date} (YYYY-MM-DD) alone, or through {@code endDate} for a range, or {@code yearly} for the
     * same month and day every year from {@code date}'s year on.
     */
    public record HolidayDetails(String name, String date, String endDate, Boolean yearly) {}

    record Validated(
            String name, CalendarKind kind, ZoneId zone, List<CalendarHours> hours, List<CalendarHoliday> holidays) {}

    /** When a target is due on a calendar, and whether its holidays counted. */
    public record DueDate(Instant start, Duration target, Instant dueAt, boolean holidaysApplied) {}

    @Transactional(readOnly = true)
    public List<SlaCalendar> list(long afterId, int limit) {
        return repository.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public SlaCalendar get(long id) {
        return repository.findById(id).orElseThrow(() -> CalendarNotFound.forId(id));
    }

    public SlaCalendar create(Details details) {
        Validated calendar = validate(details);
        if (repository.existsByNameIgnoreCase(calendar.name())) {
            throw CalendarNameTaken.forName(calendar.name());
        }
        return repository.saveAndFlush(SlaCalendar.create(calendar, clock.instant()));
    }

    public SlaCalendar update(long id, Details details) {
        SlaCalendar existing = get(id);
        if (details.version() != null && details.version() != existing.version()) {
            throw new ObjectOptimisticLockingFailureException(SlaCalendar.class, id);
        }
        Validated calendar = validate(details);
        if (repository.existsByNameIgnoreCaseAndIdNot(calendar.name(), id)) {
            throw CalendarNameTaken.forName(calendar.name());
        }
        existing.update(calendar, clock.instant());
        return repository.saveAndFlush(existing);
    }

    /** Deletes a calendar that no SLA policy runs on. */
    public void delete(long id) {
        SlaCalendar calendar = get(id);
        if (policies.existsByCalendarId(id)) {
            throw CalendarInUse.forId(id);
        }
        repository.delete(calendar);
    }

    /**
     * The calculator of a calendar, counting its holidays only when the workspace's {@code allow_holidays} is on: what
     * every SLA computation goes through.
     */
    public BusinessTimeCalculator calculator(long id) {
        return get(id).toBusinessCalendar().calculator(slaSettings.current().allowHolidays());
    }

    /** When {@code target} of business time from {@code start} is due on a calendar. */
    public DueDate dueDate(long id, Instant start, Duration target) {
        if (start.isBefore(BusinessTimeCalculator.EARLIEST) || !start.isBefore(BusinessTimeCalculator.LATEST)) {
            throw ApiProblem.invalidField("start", "must lie between 1970 and 2199");
        }
        if (target.isNegative() || target.compareTo(BusinessTimeCalculator.LONGEST) > 0) {
            throw ApiProblem.invalidField(
                    "target_minutes", "must lie between 0 and " + BusinessTimeCalculator.LONGEST_MINUTES);
        }
        BusinessTimeCalculator calculator = calculator(id);
        try {
            return new DueDate(
                    start,
                    target,
                    calculator.addBusinessTime(start, target),
                    slaSettings.current().allowHolidays());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("target_minutes", "is not reached on this calendar before 2200");
        }
    }

    private Validated validate(Details details) {
        List<FieldProblem> problems = new ArrayList<>();
        CalendarKind kind = parse(
                problems,
                "kind",
                () -> CalendarKind.valueOf(upper(details.kind())),
                "is not one of TWENTY_FOUR_SEVEN, BUSINESS_HOURS, CUSTOM");
        ZoneId zone = parse(
                problems,
                "time_zone",
                () -> new TimeZoneId(
                                details.timeZone() == null ? settings.current().timeZone() : details.timeZone())
                        .zone(),
                "is not an IANA time zone (e.g. Africa/Nairobi)");
        List<Hours> hoursGiven = details.hours() == null ? List.of() : details.hours();
        List<HolidayDetails> holidaysGiven = details.holidays() == null ? List.of() : details.holidays();
        List<OpeningHours> hours = items(problems, "hours", hoursGiven, Calendars::openingHours);
        List<CalendarHoliday> holidays = items(problems, "holidays", holidaysGiven, Calendars::holiday);
        if (kind == CalendarKind.TWENTY_FOUR_SEVEN) {
            requireNone(problems, "hours", hoursGiven);
            requireNone(problems, "holidays", holidaysGiven);
        } else if (kind != null && hoursGiven.isEmpty()) {
            problems.add(new FieldProblem("hours", "must name at least one opening interval"));
        }
        if (problems.isEmpty() && kind != CalendarKind.TWENTY_FOUR_SEVEN) {
            try {
                new BusinessCalendar(zone, hours, List.of());
            } catch (BusinessCalendar.OverlappingHours e) {
                problems.add(new FieldProblem("hours[" + e.index() + "]", "overlaps hours[" + e.other() + "]"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new Validated(
                details.name(),
                kind,
                zone,
                hours.stream().map(CalendarHours::new).toList(),
                holidays);
    }

    private static OpeningHours openingHours(List<FieldProblem> problems, String field, Hours given) {
        DayOfWeek day =
                parse(problems, field + ".day", () -> DayOfWeek.valueOf(upper(given.day())), "is not MONDAY to SUNDAY");
        LocalTime start =
                parse(problems, field + ".start", () -> LocalTime.parse(given.start()), "is not a time HH:MM");
        LocalTime end = parse(problems, field + ".end", () -> LocalTime.parse(given.end()), "is not a time HH:MM");
        if (day == null || start == null || end == null) {
            return null;
        }
        return parse(
                problems,
                field,
                () -> new OpeningHours(day, start, end, Boolean.TRUE.equals(given.endsNextDay())),
                null);
    }

    private static CalendarHoliday holiday(List<FieldProblem> problems, String field, HolidayDetails given) {
        if (given.name() == null || given.name().isBlank() || given.name().length() > 100) {
            problems.add(new FieldProblem(field + ".name", "must be 1 to 100 characters"));
        }
        LocalDate date =
                parse(problems, field + ".date", () -> LocalDate.parse(given.date()), "is not a date YYYY-MM-DD");
        LocalDate endDate = given.endDate() == null
                ? null
                : parse(
                        problems,
                        field + ".end_date",
                        () -> LocalDate.parse(given.endDate()),
                        "is not a date YYYY-MM-DD");
        if (date == null || (given.endDate() != null && endDate == null)) {
            return null;
        }
        Holiday holiday =
                parse(problems, field, () -> new Holiday(date, endDate, Boolean.TRUE.equals(given.yearly())), null);
        return holiday == null || given.name() == null
                ? null
                : new CalendarHoliday(given.name().trim(), holiday);
    }

    /** Parses one list item; records what is wrong with it in {@code problems}, returning null then. */
    private interface ItemParser<T, R> {
        R parse(List<FieldProblem> problems, String field, T given);
    }

    /** Each item of {@code given} parsed, named {@code field[i]} in problems; a null item is one. */
    private static <T, R> List<R> items(
            List<FieldProblem> problems, String field, List<T> given, ItemParser<T, R> parser) {
        List<R> parsed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String item = field + "[" + i + "]";
            if (given.get(i) == null) {
                problems.add(new FieldProblem(item, "must not be null"));
            } else {
                parsed.add(parser.parse(problems, item, given.get(i)));
            }
        }
        return parsed;
    }

    private static void requireNone(List<FieldProblem> problems, String field, List<?> given) {
        if (!given.isEmpty()) {
            problems.add(new FieldProblem(field, "must be empty for a TWENTY_FOUR_SEVEN calendar"));
        }
    }

    /**
     * What {@code parser} gives, or null with a problem for {@code field}: {@code reason}, or when that is null the
     * message of the value object's {@link IllegalArgumentException}.
     */
    private static <T> T parse(List<FieldProblem> problems, String field, Supplier<T> parser, String reason) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            problems.add(new FieldProblem(field, reason == null ? e.getMessage() : reason));
            return null;
        }
    }

    private static String upper(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    /** No calendar with this id in the workspace. */
    public static final class CalendarNotFound extends ApiProblem {
        private CalendarNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "calendar-not-found", "No SLA calendar " + id);
        }

        static CalendarNotFound forId(long id) {
            return new CalendarNotFound(id);
        }
    }

    /** Calendar names are unique within a workspace, ignoring case. */
    public static final class CalendarNameTaken extends ApiProblem {
        private CalendarNameTaken(String name) {
            super(
                    HttpStatus.CONFLICT,
                    "calendar-name-taken",
                    "An SLA calendar named '" + name + "' exists",
                    List.of(new FieldProblem("name", "belongs to another calendar")));
        }

        static CalendarNameTaken forName(String name) {
            return new CalendarNameTaken(name);
        }
    }

    /** A calendar that SLA policies run on stays until they move to another. */
    public static final class CalendarInUse extends ApiProblem {
        private CalendarInUse(long id) {
            super(
                    HttpStatus.CONFLICT,
                    "sla-calendar-in-use",
                    "SLA policies run on calendar " + id + "; move them to another calendar first");
        }

        static CalendarInUse forId(long id) {
            return new CalendarInUse(id);
        }
    }
}
