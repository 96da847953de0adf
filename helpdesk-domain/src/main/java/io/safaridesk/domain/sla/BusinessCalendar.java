package io.safaridesk.domain.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When a workspace works, in one IANA time zone: opening hours for each weekday (several a day, some running past
 * midnight) and holidays. Immutable; validates on construction (no hours, overlapping hours). Get a
 * {@link BusinessTimeCalculator} from {@link #calculator(boolean)} to add and measure business time.
 *
 * <p>An instant is business time when the wall clock in {@link #zone()} shows a time inside opening hours on a day that
 * is not a holiday. So on a spring-forward day the skipped wall-clock hour is never business time (hours of
 * 01:00-03:00 in Europe/London last one hour that day), and on a fall-back day the repeated hour counts twice (the same
 * hours last three).
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final List<OpeningHours> hours;
    private final List<Holiday> holidays;
    private final WeeklyOpenings openings;
    private final HolidayDays holidayDays;

    /**
     * Throws {@link OverlappingHours} when two opening hours share a minute, {@link IllegalArgumentException} when there
     * are none.
     */
    public BusinessCalendar(ZoneId zone, List<OpeningHours> hours, List<Holiday> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = List.copyOf(hours);
        this.holidays = List.copyOf(holidays);
        if (this.hours.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs opening hours");
        }
        this.openings = WeeklyOpenings.of(this.hours);
        this.holidayDays = new HolidayDays(this.holidays);
    }

    /** Always open: business time is wall-clock time, whatever the zone. */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        List<OpeningHours> allWeek = Arrays.stream(DayOfWeek.values())
                .map(day -> new OpeningHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true))
                .toList();
        return new BusinessCalendar(zone, allWeek, List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public List<OpeningHours> hours() {
        return hours;
    }

    public List<Holiday> holidays() {
        return holidays;
    }

    /**
     * A calculator over this calendar. {@code holidaysApply} is the workspace's {@code allow_holidays}: when false, the
     * holidays are ignored and only the weekly hours count.
     */
    public BusinessTimeCalculator calculator(boolean holidaysApply) {
        return new BusinessTimeCalculator(zone, openings, holidaysApply ? holidayDays : HolidayDays.NONE);
    }

    /** Two opening hours of one calendar share at least a minute. */
    public static final class OverlappingHours extends IllegalArgumentException {

        private final int index;
        private final int other;

        private OverlappingHours(int index, int other) {
            super("opening hours " + index + " overlap opening hours " + other);
            this.index = index;
            this.other = other;
        }

        static OverlappingHours of(int first, int second) {
            return new OverlappingHours(Math.max(first, second), Math.min(first, second));
        }

        /** The position of the later-listed of the two in the calendar's hours. */
        public int index() {
            return index;
        }

        /** The position of the earlier-listed one. */
        public int other() {
            return other;
        }
    }

    /**
     * The open stretches of a week as sorted, disjoint nanosecond ranges from Monday 00:00 (touching ones merged; those
     * running past Sunday midnight wrapped to Monday), with the open time before each: what the calculator needs to
     * skip whole weeks.
     */
    record WeeklyOpenings(long[] starts, long[] ends, long[] openBefore, long openPerWeek) {

        private record Stretch(int start, int end, int index) {}

        static WeeklyOpenings of(List<OpeningHours> hours) {
            List<Stretch> stretches = new ArrayList<>();
            for (int i = 0; i < hours.size(); i++) {
                int start = hours.get(i).startMinuteOfWeek();
                int end = start + hours.get(i).lengthInMinutes();
                if (end > OpeningHours.MINUTES_PER_WEEK) {
                    stretches.add(new Stretch(start, OpeningHours.MINUTES_PER_WEEK, i));
                    stretches.add(new Stretch(0, end - OpeningHours.MINUTES_PER_WEEK, i));
                } else {
                    stretches.add(new Stretch(start, end, i));
                }
            }
            stretches.sort(Comparator.comparingInt(Stretch::start));
            List<int[]> merged = new ArrayList<>();
            Stretch previous = null;
            for (Stretch stretch : stretches) {
                if (previous != null && stretch.start() < previous.end()) {
                    throw OverlappingHours.of(stretch.index(), previous.index());
                }
                if (previous != null && stretch.start() == previous.end()) {
                    merged.getLast()[1] = stretch.end();
                } else {
                    merged.add(new int[] {stretch.start(), stretch.end()});
                }
                previous = stretch;
            }
            long[] starts = new long[merged.size()];
            long[] ends = new long[merged.size()];
            long[] openBefore = new long[merged.size()];
            long open = 0;
            for (int i = 0; i < merged.size(); i++) {
                starts[i] = merged.get(i)[0] * BusinessTimeCalculator.NANOS_PER_MINUTE;
                ends[i] = merged.get(i)[1] * BusinessTimeCalculator.NANOS_PER_MINUTE;
                openBefore[i] = open;
                open += ends[i] - starts[i];
            }
            return new WeeklyOpenings(starts, ends, openBefore, open);
        }
    }
}
