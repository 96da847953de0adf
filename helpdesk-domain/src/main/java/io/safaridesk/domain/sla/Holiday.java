package io.safaridesk.domain.sla;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Days on which a calendar is closed all day, on its own wall clock (00:00 to 24:00 local time, including the part of
 * an overnight shift that started the evening before): one date ({@code first == last}), a range of dates (both ends
 * included, at most a year), or one date every year from {@code first}'s year on ({@code yearly}; 29 February then
 * only in leap years).
 */
public record Holiday(LocalDate first, LocalDate last, boolean yearly) {

    /** The earliest and latest dates a holiday may name: the range the calculator supports. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public Holiday {
        Objects.requireNonNull(first, "first");
        last = last == null ? first : last;
        if (first.isBefore(EARLIEST) || last.isAfter(LATEST)) {
            throw new IllegalArgumentException("dates must lie between 1970 and 2199");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last day must not be before the first");
        }
        if (ChronoUnit.DAYS.between(first, last) > 366) {
            throw new IllegalArgumentException("a holiday lasts at most a year");
        }
        if (yearly && !last.equals(first)) {
            throw new IllegalArgumentException("a yearly holiday is a single day");
        }
    }

    public static Holiday on(LocalDate date) {
        return new Holiday(date, date, false);
    }

    public static Holiday between(LocalDate first, LocalDate last) {
        return new Holiday(first, last, false);
    }

    /** The month and day of {@code first}, every year from then on. */
    public static Holiday yearlyFrom(LocalDate first) {
        return new Holiday(first, first, true);
    }

    /** Passes the epoch day of each of its days in {@code year} to {@code days}. */
    void daysIn(int year, LongConsumer days) {
        if (yearly) {
            MonthDay monthDay = MonthDay.from(first);
            boolean leapDayInCommonYear =
                    monthDay.getMonth() == Month.FEBRUARY && monthDay.getDayOfMonth() == 29 && !Year.isLeap(year);
            if (year >= first.getYear() && !leapDayInCommonYear) {
                days.accept(monthDay.atYear(year).toEpochDay());
            }
            return;
        }
        long from = Math.max(first.toEpochDay(), LocalDate.of(year, 1, 1).toEpochDay());
        long to = Math.min(last.toEpochDay(), LocalDate.of(year, 12, 31).toEpochDay());
        for (long day = from; day <= to; day++) {
            days.accept(day);
        }
    }
}
