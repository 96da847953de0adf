package io.safaridesk.domain.sla;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.LongStream;

/** A calendar's holidays as sorted epoch days, worked out per year on first use and kept. Thread-safe. */
final class HolidayDays {

    static final HolidayDays NONE = new HolidayDays(List.of());

    /** Local dates reach a day before 1970 (zones west of UTC) and a day after 2199. */
    private static final int FIRST_YEAR = Holiday.EARLIEST.getYear() - 1;

    private static final int LAST_YEAR = Holiday.LATEST.getYear() + 1;

    private static final long[] NO_DAYS = {};

    /** The epoch day of 1 January of each year from {@link #FIRST_YEAR} to one after {@link #LAST_YEAR}. */
    private static final long[] NEW_YEARS = LongStream.rangeClosed(FIRST_YEAR, LAST_YEAR + 1)
            .map(year -> LocalDate.of((int) year, 1, 1).toEpochDay())
            .toArray();

    private final List<Holiday> holidays;
    private final AtomicReferenceArray<long[]> byYear = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    HolidayDays(List<Holiday> holidays) {
        this.holidays = List.copyOf(holidays);
    }

    boolean isEmpty() {
        return holidays.isEmpty();
    }

    /** The holidays of {@code year} as sorted, distinct epoch days. */
    long[] of(int year) {
        if (holidays.isEmpty() || year < FIRST_YEAR || year > LAST_YEAR) {
            return NO_DAYS;
        }
        long[] days = byYear.get(year - FIRST_YEAR);
        if (days == null) {
            LongStream.Builder builder = LongStream.builder();
            holidays.forEach(holiday -> holiday.daysIn(year, builder));
            days = builder.build().sorted().distinct().toArray();
            byYear.set(year - FIRST_YEAR, days);
        }
        return days;
    }

    /** The year of {@code epochDay}, which lies in the supported range: estimated (off by one at most), then checked. */
    static int yearOf(long epochDay) {
        int estimate = (int) ((epochDay - NEW_YEARS[0]) * 400 / 146_097);
        if (NEW_YEARS[estimate + 1] <= epochDay) {
            return FIRST_YEAR + estimate + 1;
        }
        return FIRST_YEAR + (NEW_YEARS[estimate] <= epochDay ? estimate : estimate - 1);
    }

    /** The index of the first day in {@code days} on or after {@code epochDay}. */
    static int firstOnOrAfter(long[] days, long epochDay) {
        int found = Arrays.binarySearch(days, epochDay);
        return found >= 0 ? found : -found - 1;
    }
}
