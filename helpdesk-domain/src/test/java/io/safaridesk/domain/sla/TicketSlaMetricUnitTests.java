package io.safaridesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A ticket's SLA clock on office hours (Monday to Friday, 09:00 to 17:00 UTC), without Spring. */
class TicketSlaMetricUnitTests {

    private static final TicketSlaMetric.Schedule OFFICE = new TicketSlaMetric.Schedule(
            new BusinessCalendar(
                            ZoneOffset.UTC,
                            Stream.of(
                                            DayOfWeek.MONDAY,
                                            DayOfWeek.TUESDAY,
                                            DayOfWeek.WEDNESDAY,
                                            DayOfWeek.THURSDAY,
                                            DayOfWeek.FRIDAY)
                                    .map(day -> new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0), false))
                                    .toList(),
                            List.of())
                    .calculator(false),
            75);

    private static final Instant FRIDAY_1600 = Instant.parse("2026-03-06T16:00:00Z");

    @Test
    void aRunningClockFallsDueAfterItsTargetOfBusinessTimeAndIsAtRiskAtThreeQuarters() {
        TicketSlaMetric clock = started(120);

        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
        assertThat(clock.atRiskAt()).isEqualTo(Instant.parse("2026-03-09T09:30:00Z"));
        assertThat(clock.elapsed(OFFICE, Instant.parse("2026-03-08T12:00:00Z"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aPauseStopsTheClockAndAResumeMovesTheDueTimeByTheBusinessTimeLeft() {
        TicketSlaMetric clock = started(120);

        clock.pause(OFFICE, Instant.parse("2026-03-06T16:30:00Z"));
        assertThat(clock.state()).isEqualTo(TicketSlaMetric.State.PAUSED);
        assertThat(clock.dueAt()).isNull();
        assertThat(clock.elapsed(OFFICE, Instant.parse("2026-03-10T12:00:00Z"))).isEqualTo(Duration.ofMinutes(30));

        clock.resume(OFFICE, Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-10T13:30:00Z"));
        assertThat(clock.atRiskAt()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
    }

    @Test
    void meetingTheTargetFixesTheTimeUsedAndAReopenResumesFromIt() {
        TicketSlaMetric clock = started(120);
        clock.finish(TicketSlaMetric.State.MET, OFFICE, Instant.parse("2026-03-09T09:15:00Z"));

        assertThat(clock.metAt()).isEqualTo(Instant.parse("2026-03-09T09:15:00Z"));
        assertThat(clock.elapsed(OFFICE, Instant.parse("2026-03-20T00:00:00Z"))).isEqualTo(Duration.ofMinutes(75));
        assertThat(TicketSla.status(clock, Duration.ofMinutes(75), 75)).isEqualTo(TicketSla.Status.MET);

        clock.resume(OFFICE, Instant.parse("2026-03-09T11:00:00Z"));
        assertThat(clock.state()).isEqualTo(TicketSlaMetric.State.RUNNING);
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-09T11:45:00Z"));
    }

    @Test
    void theStatusFollowsTheTimeUsedAndABreachOnceRaisedStands() {
        TicketSlaMetric clock = started(100);

        assertThat(TicketSla.status(clock, Duration.ofMinutes(74), 75)).isEqualTo(TicketSla.Status.WITHIN);
        assertThat(TicketSla.status(clock, Duration.ofMinutes(75), 75)).isEqualTo(TicketSla.Status.AT_RISK);
        assertThat(TicketSla.status(clock, Duration.ofMinutes(100), 75)).isEqualTo(TicketSla.Status.BREACHED);

        clock.markedBreached(Instant.parse("2026-03-09T10:00:00Z"));
        clock.retarget(1L, 1L, 600, Duration.ofMinutes(100).toNanos(), Instant.parse("2026-03-09T10:00:00Z"), OFFICE);
        assertThat(TicketSla.status(clock, Duration.ofMinutes(100), 75)).isEqualTo(TicketSla.Status.BREACHED);
    }

    @Test
    void aClockPastItsTargetWhenResumedIsDueAtOnce() {
        TicketSlaMetric clock = started(30);
        clock.pause(OFFICE, Instant.parse("2026-03-09T09:45:00Z"));

        clock.resume(OFFICE, Instant.parse("2026-03-09T12:00:00Z"));

        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    private static TicketSlaMetric started(int targetMinutes) {
        TicketSlaMetric clock = TicketSlaMetric.of(7, SlaMetric.RESOLUTION);
        clock.activate(1L, 1L, targetMinutes, FRIDAY_1600, OFFICE);
        return clock;
    }
}
