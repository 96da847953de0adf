package io.safaridesk.domain.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Worked examples, each checked by hand; the test name states it. */
class BusinessTimeCalculatorUnitTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    @Test
    void fridayAt1600PlusTwoHoursIsMondayAt1000() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-06T16:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-03-09T10:00"));
    }

    @Test
    void fridayAt1600PlusOneHourIsFridayAt1700NotMondayMorning() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-06T16:00"), Duration.ofHours(1)))
                .isEqualTo(at(UTC, "2026-03-06T17:00"));
    }

    @Test
    void saturdayNoonPlusThirtyMinutesIsMondayAt0930() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-07T12:00"), Duration.ofMinutes(30)))
                .isEqualTo(at(UTC, "2026-03-09T09:30"));
    }

    @Test
    void mondayAt0900PlusFortyHoursIsFridayAt1700AndFortyOneHoursIsNextMondayAt1000() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-02T09:00"), Duration.ofHours(40)))
                .isEqualTo(at(UTC, "2026-03-06T17:00"));
        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-02T09:00"), Duration.ofHours(41)))
                .isEqualTo(at(UTC, "2026-03-09T10:00"));
    }

    @Test
    void fourWeeksOfOfficeHoursFromMondayAt0900AreOneHundredSixtyHours() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.businessTimeBetween(at(UTC, "2026-03-02T09:00"), at(UTC, "2026-03-30T09:00")))
                .isEqualTo(Duration.ofHours(160));
    }

    @Test
    void zeroBusinessTimeFromSaturdayIsSaturdayItself() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-07T12:00"), Duration.ZERO))
                .isEqualTo(at(UTC, "2026-03-07T12:00"));
    }

    @Test
    void at1130PlusOneHourSkipsLunchTo1330WithTwoIntervalsADay() {
        BusinessTimeCalculator calculator = new BusinessCalendar(
                        UTC,
                        Stream.concat(
                                        every(day -> true, "08:00", "12:00").stream(),
                                        every(day -> true, "13:00", "17:00").stream())
                                .toList(),
                        List.of())
                .calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-04T11:30"), Duration.ofHours(1)))
                .isEqualTo(at(UTC, "2026-03-04T13:30"));
        assertThat(calculator.isOpenAt(at(UTC, "2026-03-04T12:30"))).isFalse();
    }

    @Test
    void christmasEveAt1600PlusTwoHoursIsMondayAt1000OnlyWhenHolidaysApply() {
        BusinessCalendar calendar = officeHours(UTC, List.of(Holiday.yearlyFrom(LocalDate.of(2020, 12, 25))));

        assertThat(calendar.calculator(true).addBusinessTime(at(UTC, "2026-12-24T16:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-12-28T10:00"));
        assertThat(calendar.calculator(false).addBusinessTime(at(UTC, "2026-12-24T16:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-12-25T10:00"));
    }

    @Test
    void aWeekLongClosureFromMondayToFridayMakesMondayAt1600PlusTwoHoursTheNextMondayAt1000() {
        BusinessCalendar calendar =
                officeHours(UTC, List.of(Holiday.between(LocalDate.of(2026, 8, 4), LocalDate.of(2026, 8, 7))));

        assertThat(calendar.calculator(true).addBusinessTime(at(UTC, "2026-08-03T16:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-08-10T10:00"));
        assertThat(calendar.calculator(true)
                        .businessTimeBetween(at(UTC, "2026-08-03T00:00"), at(UTC, "2026-08-10T00:00")))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void yearlyHolidayOnTheTwentyNinthOfFebruaryClosesOnlyLeapYears() {
        BusinessCalendar calendar = new BusinessCalendar(
                UTC, every(day -> true, "09:00", "17:00"), List.of(Holiday.yearlyFrom(LocalDate.of(2024, 2, 29))));

        assertThat(calendar.calculator(true).isOpenAt(at(UTC, "2028-02-29T10:00")))
                .isFalse();
        assertThat(calendar.calculator(true).isOpenAt(at(UTC, "2027-02-28T10:00")))
                .isTrue();
        assertThat(calendar.calculator(true).isOpenAt(at(UTC, "2027-03-01T10:00")))
                .isTrue();
    }

    @Test
    void yearlyHolidayStartsInTheYearOfItsDate() {
        BusinessCalendar calendar = officeHours(UTC, List.of(Holiday.yearlyFrom(LocalDate.of(2027, 5, 3))));

        assertThat(calendar.calculator(true).isOpenAt(at(UTC, "2027-05-03T10:00")))
                .isFalse();
        assertThat(calendar.calculator(true).isOpenAt(at(UTC, "2026-05-04T10:00")))
                .isTrue();
    }

    @Test
    void fridayNightShiftAt2300PlusEightHoursIsMondayAt2300() {
        BusinessTimeCalculator calculator = nightShifts(List.of()).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-06T23:00"), Duration.ofHours(8)))
                .isEqualTo(at(UTC, "2026-03-09T23:00"));
    }

    @Test
    void aSaturdayHolidayClosesTheAfterMidnightPartOfFridaysNightShift() {
        BusinessTimeCalculator calculator =
                nightShifts(List.of(Holiday.on(LocalDate.of(2026, 3, 7)))).calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-06T23:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-03-09T23:00"));
    }

    @Test
    void sundayNightShiftAt2300PlusTwoHoursIsMondayAt0100AcrossTheWeekBoundary() {
        BusinessTimeCalculator calculator = new BusinessCalendar(
                        UTC,
                        List.of(new OpeningHours(SUNDAY, LocalTime.of(22, 0), LocalTime.of(6, 0), true)),
                        List.of())
                .calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-08T23:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-03-09T01:00"));
        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-09T05:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-03-15T23:00"));
    }

    @Test
    void londonHoursFrom0100To0300LastOneHourOnTheSpringForwardSundayAndThreeOnTheFallBackSunday() {
        BusinessTimeCalculator calculator =
                new BusinessCalendar(LONDON, every(day -> true, "01:00", "03:00"), List.of()).calculator(true);

        assertThat(calculator.businessTimeBetween(at(LONDON, "2026-03-29T00:00"), at(LONDON, "2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(calculator.businessTimeBetween(at(LONDON, "2026-10-25T00:00"), at(LONDON, "2026-10-25T12:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(calculator.addBusinessTime(at(LONDON, "2026-10-25T00:00"), Duration.ofMinutes(150)))
                .isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
    }

    @Test
    void newYorkFridayAt1600PlusTwoHoursOverTheFallBackWeekendIsMondayAt1000Eastern() {
        BusinessTimeCalculator calculator = officeHours(NEW_YORK, List.of()).calculator(true);

        Instant due = calculator.addBusinessTime(at(NEW_YORK, "2026-10-30T16:00"), Duration.ofHours(2));

        assertThat(due).isEqualTo(at(NEW_YORK, "2026-11-02T10:00")).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
    }

    @Test
    void newYorkTwentyFourSevenSaturdayNoonPlusTwentyFourHoursIsSundayAt1300OverTheSpringForwardNight() {
        BusinessTimeCalculator calculator =
                BusinessCalendar.twentyFourSeven(NEW_YORK).calculator(true);

        assertThat(calculator.addBusinessTime(at(NEW_YORK, "2026-03-07T12:00"), Duration.ofHours(24)))
                .isEqualTo(at(NEW_YORK, "2026-03-08T13:00"));
    }

    @Test
    void nairobiFridayAt1600PlusTwoHoursIsMondayAt0900EastAfricaTimeOr0600Utc() {
        BusinessTimeCalculator calculator = new BusinessCalendar(
                        NAIROBI, every(day -> day.getValue() <= 5, "08:00", "17:00"), List.of())
                .calculator(true);

        assertThat(calculator.addBusinessTime(at(NAIROBI, "2026-03-27T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }

    @Test
    void businessTimeBackwardsIsNegative() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);

        assertThat(calculator.businessTimeBetween(at(UTC, "2026-03-09T10:00"), at(UTC, "2026-03-06T16:00")))
                .isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void refusesNegativeAmountsInstantsOutsideTheRangeAndCalendarsClosedForEver() {
        BusinessTimeCalculator calculator = officeHours(UTC, List.of()).calculator(true);
        Instant monday = at(UTC, "2026-03-09T10:00");

        assertThatThrownBy(() -> calculator.addBusinessTime(monday, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculator.addBusinessTime(Instant.parse("2200-01-01T00:00:00Z"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        BusinessCalendar mondaysOnly = new BusinessCalendar(
                UTC,
                every(day -> day == MONDAY, "09:00", "17:00"),
                List.of(Holiday.yearlyFrom(LocalDate.of(2026, 6, 1))));
        BusinessTimeCalculator closedForEver = new BusinessCalendar(
                        UTC,
                        List.of(OpeningHours.sameDay(MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        IntStream.range(0, 366)
                                .mapToObj(i -> Holiday.yearlyFrom(
                                        LocalDate.of(2024, 1, 1).plusDays(i)))
                                .toList())
                .calculator(true);
        assertThat(mondaysOnly.calculator(true).addBusinessTime(monday, Duration.ofHours(8)))
                .isEqualTo(at(UTC, "2026-03-16T10:00"));
        assertThatThrownBy(() -> closedForEver.addBusinessTime(monday, Duration.ofDays(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not reached");
    }

    @Test
    void refusesOverlappingHoursNamingBothAndHoursThatEndBeforeTheyStart() {
        List<OpeningHours> overlapping = List.of(
                OpeningHours.sameDay(MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                OpeningHours.sameDay(FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new OpeningHours(SUNDAY, LocalTime.of(22, 0), LocalTime.of(9, 30), true));

        assertThatThrownBy(() -> new BusinessCalendar(UTC, overlapping, List.of()))
                .isInstanceOfSatisfying(BusinessCalendar.OverlappingHours.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.other()).isEqualTo(0);
                });
        assertThatThrownBy(() -> OpeningHours.sameDay(MONDAY, LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpeningHours(MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(UTC, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holiday.between(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void touchingHoursAreOneStretch() {
        BusinessTimeCalculator calculator = new BusinessCalendar(
                        UTC,
                        List.of(
                                OpeningHours.sameDay(MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                                OpeningHours.sameDay(MONDAY, LocalTime.of(12, 0), LocalTime.of(17, 0))),
                        List.of())
                .calculator(true);

        assertThat(calculator.addBusinessTime(at(UTC, "2026-03-09T11:00"), Duration.ofHours(2)))
                .isEqualTo(at(UTC, "2026-03-09T13:00"));
    }

    @Test
    void yearsAreFoundForEveryNewYearsEveAndNewYearsDayFrom1969To2200() {
        for (int year = 1969; year <= 2200; year++) {
            assertThat(HolidayDays.yearOf(LocalDate.of(year, 1, 1).toEpochDay()))
                    .isEqualTo(year);
            assertThat(HolidayDays.yearOf(LocalDate.of(year, 12, 31).toEpochDay()))
                    .isEqualTo(year);
        }
    }

    @Test
    void theOffsetTimelineAgreesWithTheZoneRulesFrom1970To2200() {
        Random random = new Random(7);
        for (String zone : List.of("Europe/London", "America/New_York", "Africa/Nairobi", "Australia/Lord_Howe")) {
            OffsetTimeline timeline = OffsetTimeline.of(ZoneId.of(zone));
            for (int i = 0; i < 10_000; i++) {
                Instant instant = Instant.ofEpochSecond(random.nextLong(
                        BusinessTimeCalculator.EARLIEST.getEpochSecond(),
                        BusinessTimeCalculator.LATEST.getEpochSecond()));
                long offset = timeline.offset(timeline.stretchAt(BusinessTimeCalculator.epochNanos(instant)));
                assertThat(offset / 1_000_000_000L)
                        .as(zone + " at " + instant)
                        .isEqualTo(ZoneId.of(zone).getRules().getOffset(instant).getTotalSeconds());
            }
        }
    }

    /** Monday to Friday, 09:00 to 17:00. */
    static BusinessCalendar officeHours(ZoneId zone, List<Holiday> holidays) {
        return new BusinessCalendar(zone, every(day -> day.getValue() <= 5, "09:00", "17:00"), holidays);
    }

    /** Monday to Friday, 22:00 to 06:00 the next morning. */
    private static BusinessCalendar nightShifts(List<Holiday> holidays) {
        return new BusinessCalendar(
                UTC,
                Arrays.stream(DayOfWeek.values())
                        .filter(day -> day.getValue() <= 5)
                        .map(day -> new OpeningHours(day, LocalTime.of(22, 0), LocalTime.of(6, 0), true))
                        .toList(),
                holidays);
    }

    /** {@code start} to {@code end} on each of the {@code days}. */
    private static List<OpeningHours> every(Predicate<DayOfWeek> days, String start, String end) {
        return Arrays.stream(DayOfWeek.values())
                .filter(days)
                .map(day -> OpeningHours.sameDay(day, LocalTime.parse(start), LocalTime.parse(end)))
                .toList();
    }

    /** The first instant at which the zone's wall clock shows {@code localDateTime}. */
    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
