package io.safaridesk.domain.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of a calendar's week in which it is open: from {@code start} on {@code day} to {@code end}, the same day
 * or, when {@code endsNextDay}, the next one. Crossing midnight is always explicit: {@code 22:00-06:00} on Friday is
 * written {@code (FRIDAY, 22:00, 06:00, true)}, so an end before its start is never a silent guess. Times are whole
 * minutes of the calendar's wall clock.
 */
public record OpeningHours(DayOfWeek day, LocalTime start, LocalTime end, boolean endsNextDay) {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!wholeMinute(start) || !wholeMinute(end)) {
            throw new IllegalArgumentException("times must be whole minutes");
        }
        if (!endsNextDay && !end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "end must be after start; hours that run past midnight end the next day");
        }
        if (endsNextDay && end.isAfter(start)) {
            throw new IllegalArgumentException("hours that end the next day must end at or before their start time");
        }
    }

    /** Monday to Sunday, {@code start} to {@code end}. */
    public static OpeningHours sameDay(DayOfWeek day, LocalTime start, LocalTime end) {
        return new OpeningHours(day, start, end, false);
    }

    /** Minutes from Monday 00:00 to the start. */
    int startMinuteOfWeek() {
        return (day.getValue() - 1) * MINUTES_PER_DAY + minuteOfDay(start);
    }

    /** How long the hours last on the wall clock, in minutes (at most 24 hours). */
    int lengthInMinutes() {
        return minuteOfDay(end) - minuteOfDay(start) + (endsNextDay ? MINUTES_PER_DAY : 0);
    }

    private static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static boolean wholeMinute(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }
}
