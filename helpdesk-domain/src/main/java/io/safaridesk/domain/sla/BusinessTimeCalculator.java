package io.safaridesk.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * Adds and measures business time on a {@link BusinessCalendar}, to the nanosecond, for instants from 1970 to 2200 and
 * amounts of up to {@link #LONGEST}. Immutable and thread-safe.
 *
 * <p>It works on the calendar's wall clock between the zone's offset transitions (where wall-clock time runs as fast as
 * real time) and, within one such stretch, skips whole weeks with the week's precomputed open time, then finds the day
 * and the hours by binary search; holidays are exceptions subtracted day by day. So a target of 30 days costs a few
 * dozen operations, not one per minute or per day.
 */
public final class BusinessTimeCalculator {

    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    static final long NANOS_PER_DAY = 24 * 60 * NANOS_PER_MINUTE;
    static final long NANOS_PER_WEEK = 7 * NANOS_PER_DAY;

    /** The earliest instant the calculator accepts. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /** The instant before which every argument and result lies. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** The longest amount of business time that can be added, in minutes (ten years). */
    public static final long LONGEST_MINUTES = 3652L * 24 * 60;

    /** The longest amount of business time that can be added (ten years). */
    public static final Duration LONGEST = Duration.ofMinutes(LONGEST_MINUTES);

    /**
     * Wall-clock positions count nanoseconds from Monday 1969-12-29 00:00, the Monday before the epoch, so that weeks
     * start at multiples of {@link #NANOS_PER_WEEK} and every supported instant is at a positive position.
     */
    private static final long ORIGIN_EPOCH_DAY = -3;

    private static final long LATEST_NANOS = epochNanos(LATEST);

    /** Beyond this many weeks from the origin a position lies past {@link #LATEST} whatever the offset. */
    private static final long LAST_WEEK = (LATEST_NANOS - ORIGIN_EPOCH_DAY * NANOS_PER_DAY) / NANOS_PER_WEEK + 1;

    private final OffsetTimeline offsets;
    private final long[] starts;
    private final long[] ends;
    private final long[] openBefore;
    private final long[] openThrough;
    private final long openPerWeek;
    private final long[] openPerWeekday = new long[7];
    private final HolidayDays holidays;

    BusinessTimeCalculator(ZoneId zone, BusinessCalendar.WeeklyOpenings openings, HolidayDays holidays) {
        this.offsets = OffsetTimeline.of(zone);
        this.starts = openings.starts();
        this.ends = openings.ends();
        this.openBefore = openings.openBefore();
        this.openPerWeek = openings.openPerWeek();
        this.openThrough = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            openThrough[i] = openBefore[i] + ends[i] - starts[i];
        }
        this.holidays = holidays;
        for (int day = 0; day < 7; day++) {
            openPerWeekday[day] = openUntil((day + 1) * NANOS_PER_DAY) - openUntil(day * NANOS_PER_DAY);
        }
    }

    /**
     * The earliest instant by which {@code amount} of business time has passed since {@code start}; {@code start}
     * itself for zero. A result at the end of opening hours stays there (Friday 16:00 plus one hour of 09:00-17:00
     * hours is Friday 17:00, not Monday 09:00).
     *
     * @throws IllegalArgumentException for a negative amount, one beyond {@link #LONGEST}, an instant outside the
     *     supported range, or a result that would lie beyond it (a calendar closed by holidays for ever)
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        requireSupported(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("amount must lie between zero and " + LONGEST + ": " + amount);
        }
        long remaining = amount.toNanos();
        if (remaining == 0) {
            return start;
        }
        long at = epochNanos(start);
        for (int stretch = offsets.stretchAt(at); ; stretch++) {
            long shift = shift(stretch);
            long position = at + shift;
            long limit = (offsets.isLast(stretch) ? LATEST_NANOS : offsets.end(stretch)) + shift;
            while (true) {
                long end = earliestPositionWithOpenTime(openUntil(position) + remaining);
                if (end > limit) {
                    break;
                }
                long lost = closedByHolidays(position, end);
                if (lost == 0) {
                    return instant(end - shift);
                }
                position = end;
                remaining = lost;
            }
            if (offsets.isLast(stretch)) {
                throw new IllegalArgumentException("the business time is not reached before " + LATEST);
            }
            remaining -= businessTime(position, limit);
            at = offsets.end(stretch);
        }
    }

    /** The business time between two instants; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        requireSupported(from, "from");
        requireSupported(to, "to");
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        long at = epochNanos(from);
        long end = epochNanos(to);
        long total = 0;
        for (int stretch = offsets.stretchAt(at); ; stretch++) {
            long stretchEnd = offsets.isLast(stretch) ? end : Math.min(end, offsets.end(stretch));
            total += businessTime(at + shift(stretch), stretchEnd + shift(stretch));
            if (stretchEnd == end) {
                return Duration.ofNanos(total);
            }
            at = stretchEnd;
        }
    }

    /** Whether {@code instant} is business time: inside opening hours, on a day that is not a holiday. */
    public boolean isOpenAt(Instant instant) {
        requireSupported(instant, "instant");
        long at = epochNanos(instant);
        long position = at + shift(offsets.stretchAt(at));
        return businessTime(position, position + 1) == 1;
    }

    /** What turns epoch nanoseconds into wall-clock positions while the offset of {@code stretch} holds. */
    private long shift(int stretch) {
        return offsets.offset(stretch) - ORIGIN_EPOCH_DAY * NANOS_PER_DAY;
    }

    /** Business time between two wall-clock positions. */
    private long businessTime(long from, long to) {
        return to <= from ? 0 : openUntil(to) - openUntil(from) - closedByHolidays(from, to);
    }

    /** Open time (holidays aside) from the origin to a wall-clock position. */
    private long openUntil(long position) {
        long week = Math.floorDiv(position, NANOS_PER_WEEK);
        long inWeek = position - week * NANOS_PER_WEEK;
        int i = Arrays.binarySearch(starts, inWeek);
        i = i >= 0 ? i : -i - 2;
        long inWeekOpen = i < 0 ? 0 : openBefore[i] + Math.min(inWeek, ends[i]) - starts[i];
        return week * openPerWeek + inWeekOpen;
    }

    /**
     * The earliest wall-clock position at which {@link #openUntil} reaches {@code open} (positive); {@link Long#MAX_VALUE}
     * when that lies past the supported range.
     */
    private long earliestPositionWithOpenTime(long open) {
        long week = open / openPerWeek;
        long rest = open - week * openPerWeek;
        if (rest == 0) {
            week--;
            rest = openPerWeek;
        }
        if (week > LAST_WEEK) {
            return Long.MAX_VALUE;
        }
        int i = Arrays.binarySearch(openThrough, rest);
        i = i >= 0 ? i : -i - 1;
        return week * NANOS_PER_WEEK + starts[i] + rest - openBefore[i];
    }

    /** Open time (by the weekly hours) that falls on holidays between two wall-clock positions. */
    private long closedByHolidays(long from, long to) {
        if (holidays.isEmpty()) {
            return 0;
        }
        long firstDay = Math.floorDiv(from, NANOS_PER_DAY) + ORIGIN_EPOCH_DAY;
        long lastDay = Math.floorDiv(to - 1, NANOS_PER_DAY) + ORIGIN_EPOCH_DAY;
        long closed = 0;
        for (int year = HolidayDays.yearOf(firstDay); year <= HolidayDays.yearOf(lastDay); year++) {
            long[] days = holidays.of(year);
            for (int i = HolidayDays.firstOnOrAfter(days, firstDay); i < days.length && days[i] <= lastDay; i++) {
                long dayStart = (days[i] - ORIGIN_EPOCH_DAY) * NANOS_PER_DAY;
                long dayEnd = dayStart + NANOS_PER_DAY;
                closed += from <= dayStart && dayEnd <= to
                        ? openPerWeekday[(int) ((days[i] - ORIGIN_EPOCH_DAY) % 7)]
                        : openUntil(Math.min(to, dayEnd)) - openUntil(Math.max(from, dayStart));
            }
        }
        return closed;
    }

    private static void requireSupported(Instant instant, String name) {
        Objects.requireNonNull(instant, name);
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new IllegalArgumentException(name + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    /** Nanoseconds since the epoch; exact for the supported range. */
    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}
