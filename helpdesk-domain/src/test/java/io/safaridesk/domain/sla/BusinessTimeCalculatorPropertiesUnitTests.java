package io.safaridesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the calculator, checked over random calendars (several hours a day, hours past midnight and past Sunday
 * midnight, holidays of every kind), zones with and without daylight saving, instants and amounts up to 30 days. The
 * cases come from a fixed seed, so a failing case is named by its number and description and comes back on every run.
 * Where a property needs the truth, a minute-by-minute walk of the wall clock gives it.
 */
class BusinessTimeCalculatorPropertiesUnitTests {

    private static final long SEED = 20_261_127L;
    private static final int CASES = 400;
    private static final List<ZoneId> ZONES = Stream.of(
                    "Europe/London",
                    "America/New_York",
                    "Africa/Nairobi",
                    "UTC",
                    "Australia/Lord_Howe",
                    "Asia/Kolkata",
                    "America/Santiago")
            .map(ZoneId::of)
            .toList();
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2028-01-01T00:00:00Z");

    record Case(
            int number,
            BusinessCalendar calendar,
            boolean holidaysApply,
            Instant start,
            Instant other,
            Duration amount,
            Duration smaller) {

        BusinessTimeCalculator calculator() {
            return calendar.calculator(holidaysApply);
        }

        @Override
        public String toString() {
            return "case " + number + ": " + calendar.zone() + " hours=" + calendar.hours() + " holidays="
                    + calendar.holidays() + " apply=" + holidaysApply + " start=" + start + " other=" + other
                    + " amount=" + amount;
        }
    }

    static Stream<Case> cases() {
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(number -> randomCase(number, random));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addingThenMeasuringGivesBackTheAmount(Case c) {
        Instant due = c.calculator().addBusinessTime(c.start(), c.amount());

        assertThat(c.calculator().businessTimeBetween(c.start(), due)).isEqualTo(c.amount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void measuringThenAddingLandsAtOrBeforeTheEndWithNoBusinessTimeBetween(Case c) {
        Instant from = earlier(c.start(), c.other());
        Instant to = later(c.start(), c.other());

        Instant reached = c.calculator().addBusinessTime(from, c.calculator().businessTimeBetween(from, to));

        assertThat(reached).isBeforeOrEqualTo(to);
        assertThat(c.calculator().businessTimeBetween(reached, to)).isZero();
        assertThat(c.calculator().businessTimeBetween(to, from))
                .isEqualTo(c.calculator().businessTimeBetween(from, to).negated());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addingIsMonotonicInTheAmountAndInTheStart(Case c) {
        BusinessTimeCalculator calculator = c.calculator();

        assertThat(calculator.addBusinessTime(c.start(), c.smaller()))
                .isBeforeOrEqualTo(calculator.addBusinessTime(c.start(), c.amount()));
        assertThat(calculator.addBusinessTime(earlier(c.start(), c.other()), c.amount()))
                .isBeforeOrEqualTo(calculator.addBusinessTime(later(c.start(), c.other()), c.amount()));
        assertThat(calculator.businessTimeBetween(c.start(), c.start().plus(c.smaller())))
                .isLessThanOrEqualTo(
                        calculator.businessTimeBetween(c.start(), c.start().plus(c.amount())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addedTimeEndsInOpenHoursOnAWorkingDay(Case c) {
        Instant due = c.calculator().addBusinessTime(c.start(), c.amount().plusNanos(1));

        assertThat(c.calculator().isOpenAt(due.minusNanos(1))).isTrue();
        assertThat(openOnTheWallClock(c.calendar(), c.holidaysApply(), due.minusNanos(1)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void measuringCountsExactlyTheMinutesTheWallClockShowsOpenHoursOnWorkingDays(Case c) {
        Instant from = c.start().truncatedTo(ChronoUnit.MINUTES);
        Instant to = from.plus(Math.floorMod(c.number() * 7919L, 4 * 24 * 60), ChronoUnit.MINUTES);
        long open = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            boolean openOnTheWallClock = openOnTheWallClock(c.calendar(), c.holidaysApply(), minute);
            open += openOnTheWallClock ? 1 : 0;
            assertThat(c.calculator().isOpenAt(minute)).as(minute.toString()).isEqualTo(openOnTheWallClock);
        }

        assertThat(c.calculator().businessTimeBetween(from, to)).isEqualTo(Duration.ofMinutes(open));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void twentyFourSevenIsWallClockTimeInEveryZone(Case c) {
        BusinessTimeCalculator calculator =
                BusinessCalendar.twentyFourSeven(c.calendar().zone()).calculator(true);

        assertThat(calculator.addBusinessTime(c.start(), c.amount()))
                .isEqualTo(c.start().plus(c.amount()));
        assertThat(calculator.businessTimeBetween(c.start(), c.other()))
                .isEqualTo(Duration.between(c.start(), c.other()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void holidaysCountOnlyWhenTheyApply(Case c) {
        BusinessTimeCalculator ignoring = c.calendar().calculator(false);
        BusinessTimeCalculator without =
                new BusinessCalendar(c.calendar().zone(), c.calendar().hours(), List.of()).calculator(true);

        assertThat(ignoring.addBusinessTime(c.start(), c.amount()))
                .isEqualTo(without.addBusinessTime(c.start(), c.amount()));
        assertThat(c.calendar()
                        .calculator(true)
                        .businessTimeBetween(c.start(), c.other())
                        .abs())
                .isLessThanOrEqualTo(
                        ignoring.businessTimeBetween(c.start(), c.other()).abs());
    }

    /** The truth, read off the wall clock one instant at a time, independently of the calculator. */
    private static boolean openOnTheWallClock(BusinessCalendar calendar, boolean holidaysApply, Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, calendar.zone());
        if (holidaysApply && calendar.holidays().stream().anyMatch(h -> closes(h, local.toLocalDate()))) {
            return false;
        }
        return calendar.hours().stream().anyMatch(h -> covers(h, local));
    }

    private static boolean closes(Holiday holiday, LocalDate date) {
        return holiday.yearly()
                ? date.getYear() >= holiday.first().getYear()
                        && MonthDay.from(date).equals(MonthDay.from(holiday.first()))
                : !date.isBefore(holiday.first()) && !date.isAfter(holiday.last());
    }

    private static boolean covers(OpeningHours hours, LocalDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        if (!hours.endsNextDay()) {
            return day == hours.day() && !time.isBefore(hours.start()) && time.isBefore(hours.end());
        }
        return (day == hours.day() && !time.isBefore(hours.start()))
                || (day == hours.day().plus(1) && time.isBefore(hours.end()));
    }

    private static Case randomCase(int number, Random random) {
        BusinessCalendar calendar = new BusinessCalendar(
                ZONES.get(random.nextInt(ZONES.size())), randomHours(random), randomHolidays(random));
        Duration amount = randomAmount(random);
        return new Case(
                number,
                calendar,
                random.nextInt(4) != 0,
                randomInstant(random),
                randomInstant(random, number % 3 == 0 ? Duration.ofDays(3) : Duration.ofDays(60)),
                amount,
                Duration.ofNanos((long) (amount.toNanos() * random.nextDouble())));
    }

    /** Stretches between random quarter hours of the week, cut at midnights into hours of at most a day. */
    private static List<OpeningHours> randomHours(Random random) {
        int quarters = 7 * 24 * 4;
        TreeSet<Integer> points = new TreeSet<>();
        int count = 2 * (1 + random.nextInt(10));
        while (points.size() < count) {
            points.add(random.nextInt(quarters) * 15);
        }
        List<Integer> sorted = new ArrayList<>(points);
        boolean wrapped = random.nextBoolean();
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < count; i += 2) {
            int start = sorted.get(wrapped ? (i + 1) % count : i);
            int end = sorted.get(wrapped ? (i + 2) % count : i + 1);
            int length = Math.floorMod(end - start, OpeningHours.MINUTES_PER_WEEK);
            addCutAtMidnights(hours, start, length);
        }
        return hours;
    }

    private static void addCutAtMidnights(List<OpeningHours> hours, int start, int length) {
        while (length > 0) {
            int piece = Math.min(length, OpeningHours.MINUTES_PER_DAY);
            int end = start + piece;
            boolean endsNextDay = end >= (start / OpeningHours.MINUTES_PER_DAY + 1) * OpeningHours.MINUTES_PER_DAY;
            hours.add(new OpeningHours(
                    DayOfWeek.of(start / OpeningHours.MINUTES_PER_DAY % 7 + 1),
                    LocalTime.ofSecondOfDay(start % OpeningHours.MINUTES_PER_DAY * 60L),
                    LocalTime.ofSecondOfDay(end % OpeningHours.MINUTES_PER_DAY * 60L),
                    endsNextDay));
            start = end % OpeningHours.MINUTES_PER_WEEK;
            length -= piece;
        }
    }

    private static List<Holiday> randomHolidays(Random random) {
        List<Holiday> holidays = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            LocalDate date = LocalDate.of(2024, 12, 1).plusDays(random.nextInt(3 * 365 + 60));
            holidays.add(
                    switch (random.nextInt(3)) {
                        case 0 -> Holiday.on(date);
                        case 1 -> Holiday.between(date, date.plusDays(random.nextInt(10)));
                        default -> Holiday.yearlyFrom(date.minusYears(random.nextInt(3)));
                    });
        }
        return holidays;
    }

    private static Duration randomAmount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Duration.ofMinutes(random.nextInt(8 * 60));
            case 1 -> Duration.ofMinutes(random.nextInt(30 * 24 * 60));
            case 2 -> Duration.ofNanos(random.nextLong(Duration.ofDays(30).toNanos()));
            default -> Duration.ofSeconds(random.nextInt(3 * 24 * 3600));
        };
    }

    private static Instant randomInstant(Random random) {
        long seconds = random.nextLong(FROM.getEpochSecond(), UNTIL.getEpochSecond());
        return Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
    }

    /** Usually near a random instant, so that the two are a realistic distance apart. */
    private static Instant randomInstant(Random random, Duration near) {
        Instant base = randomInstant(random);
        return random.nextInt(4) == 0 ? base : base.minus(Duration.ofNanos(random.nextLong(near.toNanos())));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }
}
