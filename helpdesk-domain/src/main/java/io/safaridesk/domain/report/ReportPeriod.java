package io.safaridesk.domain.report;

import io.safaridesk.platform.error.ApiProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole days {@code from} to {@code to} (both included) in the workspace's time zone, cut into buckets of one
 * {@link Interval}. Day boundaries are local midnights, so a day of a daylight-saving change lasts 23 or 25 hours.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone, Interval interval) {

    /** The longest period a report covers. */
    public static final int MAX_DAYS = 731;

    /** The size of a bucket: a local day, an ISO week (from Monday) or a calendar month. */
    public enum Interval {
        DAY,
        WEEK,
        MONTH;

        /** The interval named {@code value} (any case), or a 422 problem naming {@code field}. */
        public static Interval of(String field, String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField(field, "is not one of day, week, month");
            }
        }

        /** What PostgreSQL's {@code date_trunc} calls this interval. */
        String sqlUnit() {
            return name().toLowerCase(Locale.ROOT);
        }

        LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("end", "must not be before start");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiProblem.invalidField("end", "must lie within " + MAX_DAYS + " days of start");
        }
    }

    /** The first instant of the period: local midnight starting {@code from}. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period: local midnight ending {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The first local day of every bucket, in order (the first bucket may start before {@code from}). */
    public List<LocalDate> buckets() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate day = interval.start(from); !day.isAfter(to); day = interval.next(day)) {
            starts.add(day);
        }
        return starts;
    }
}
