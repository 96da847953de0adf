package io.safaridesk.domain.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** A named holiday of a calendar, as stored; see {@link Holiday} for the rules. */
@Embeddable
public class CalendarHoliday {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private LocalDate firstDay;

    @Column(nullable = false)
    private LocalDate lastDay;

    @Column(nullable = false)
    private boolean yearly;

    protected CalendarHoliday() {}

    CalendarHoliday(String name, Holiday holiday) {
        this.name = name;
        this.firstDay = holiday.first();
        this.lastDay = holiday.last();
        this.yearly = holiday.yearly();
    }

    Holiday toHoliday() {
        return new Holiday(firstDay, lastDay, yearly);
    }

    public String name() {
        return name;
    }

    /** The holiday's date, or the first of its range. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day of its range; the first day for a single date. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** Whether it comes back every year, on the month and day of its first day, from that year on. */
    public boolean yearly() {
        return yearly;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalendarHoliday that
                && name.equals(that.name)
                && firstDay.equals(that.firstDay)
                && lastDay.equals(that.lastDay)
                && yearly == that.yearly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, firstDay, lastDay, yearly);
    }
}
