package io.safaridesk.domain.sla;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's named calendar: its kind, time zone, opening hours and holidays, in the order the admin gave them.
 * Lives in the workspace's schema; {@link #toBusinessCalendar()} gives what the calculator works on.
 */
@Entity
@Table(name = "sla_calendars")
public class SlaCalendar {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CalendarKind kind;

    @Column(nullable = false)
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sla_calendar_hours", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderColumn(name = "ordinal")
    private List<CalendarHours> hours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sla_calendar_holidays", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderColumn(name = "ordinal")
    private List<CalendarHoliday> holidays = new ArrayList<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected SlaCalendar() {}

    static SlaCalendar create(Calendars.Validated calendar, Instant now) {
        SlaCalendar created = new SlaCalendar();
        created.createdAt = now;
        created.update(calendar, now);
        return created;
    }

    void update(Calendars.Validated calendar, Instant now) {
        this.name = calendar.name();
        this.kind = calendar.kind();
        this.timeZone = calendar.zone().getId();
        this.hours.clear();
        this.hours.addAll(calendar.hours());
        this.holidays.clear();
        this.holidays.addAll(calendar.holidays());
        this.updatedAt = now;
    }

    /** The calendar the calculator works on; a 24x7 one is always open. */
    public BusinessCalendar toBusinessCalendar() {
        ZoneId zone = ZoneId.of(timeZone);
        if (kind == CalendarKind.TWENTY_FOUR_SEVEN) {
            return BusinessCalendar.twentyFourSeven(zone);
        }
        return new BusinessCalendar(
                zone,
                hours.stream().map(CalendarHours::toOpeningHours).toList(),
                holidays.stream().map(CalendarHoliday::toHoliday).toList());
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CalendarKind kind() {
        return kind;
    }

    /** An IANA time zone name. */
    public String timeZone() {
        return timeZone;
    }

    public List<CalendarHours> hours() {
        return List.copyOf(hours);
    }

    public List<CalendarHoliday> holidays() {
        return List.copyOf(holidays);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
