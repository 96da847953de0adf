package io.safaridesk.domain.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** One row of a calendar's opening hours, as stored; see {@link OpeningHours} for the rules. */
@Embeddable
public class CalendarHours {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek day;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    @Column(nullable = false)
    private boolean endsNextDay;

    protected CalendarHours() {}

    CalendarHours(OpeningHours hours) {
        this.day = hours.day();
        this.start = hours.start();
        this.end = hours.end();
        this.endsNextDay = hours.endsNextDay();
    }

    OpeningHours toOpeningHours() {
        return new OpeningHours(day, start, end, endsNextDay);
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    public boolean endsNextDay() {
        return endsNextDay;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalendarHours that
                && day == that.day
                && start.equals(that.start)
                && end.equals(that.end)
                && endsNextDay == that.endsNextDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, start, end, endsNextDay);
    }
}
