package io.safaridesk.domain.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Due dates on a calendar in Europe/London (so with daylight saving) with two intervals a day, Monday to Friday
 * (08:00-12:00 and 13:00-17:00), and 20 holidays a year (8 yearly, 12 single dates a year), for targets of up to 30
 * days from starts spread over three years. Goal: at least 1,000,000 calculations a second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessTimeBenchmarks {

    private static final int INPUTS = 1 << 12;

    private BusinessTimeCalculator calculator;
    private final Instant[] starts = new Instant[INPUTS];
    private final Instant[] ends = new Instant[INPUTS];
    private final Duration[] targets = new Duration[INPUTS];
    private int next;

    @Setup
    public void calendarAndInputs() {
        Random random = new Random(42);
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(OpeningHours.sameDay(day, LocalTime.of(8, 0), LocalTime.of(12, 0)));
            hours.add(OpeningHours.sameDay(day, LocalTime.of(13, 0), LocalTime.of(17, 0)));
        }
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            holidays.add(Holiday.yearlyFrom(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365))));
        }
        for (int year = 2025; year <= 2031; year++) {
            for (int i = 0; i < 12; i++) {
                holidays.add(Holiday.on(LocalDate.of(year, 1, 1).plusDays(random.nextInt(365))));
            }
        }
        calculator = new BusinessCalendar(ZoneId.of("Europe/London"), hours, holidays).calculator(true);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long until = Instant.parse("2029-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < INPUTS; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, until));
            targets[i] = Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60));
            ends[i] = starts[i].plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
        }
    }

    @Benchmark
    public Instant dueDate() {
        int i = next++ & (INPUTS - 1);
        return calculator.addBusinessTime(starts[i], targets[i]);
    }

    @Benchmark
    public Duration businessTimeBetween() {
        int i = next++ & (INPUTS - 1);
        return calculator.businessTimeBetween(starts[i], ends[i]);
    }
}
