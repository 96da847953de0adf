package io.safaridesk.helpdesk.sla.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.sla.BusinessTimeCalculator;
import io.safaridesk.domain.sla.CalendarHoliday;
import io.safaridesk.domain.sla.CalendarHours;
import io.safaridesk.domain.sla.CalendarKind;
import io.safaridesk.domain.sla.Calendars;
import io.safaridesk.domain.sla.SlaCalendar;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "SLA")
@RestController
@RequestMapping("/api/v1/sla/calendars")
@Validated
class SlaCalendarController {

    private final Calendars calendars;

    SlaCalendarController(Calendars calendars) {
        this.calendars = calendars;
    }

    record CalendarRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 30) String kind,
            @Size(max = 64) String timeZone,
            @Size(max = 70) List<Calendars.Hours> hours,
            @Size(max = 400) List<Calendars.HolidayDetails> holidays,
            Integer version) {

        Calendars.Details toDetails() {
            return new Calendars.Details(name.trim(), kind, timeZone, hours, holidays, version);
        }
    }

    record HoursView(DayOfWeek day, String start, String end, boolean endsNextDay) {

        static HoursView of(CalendarHours h) {
            return new HoursView(h.day(), h.start().toString(), h.end().toString(), h.endsNextDay());
        }
    }

    record HolidayView(String name, LocalDate date, LocalDate endDate, boolean yearly) {

        static HolidayView of(CalendarHoliday h) {
            return new HolidayView(
                    h.name(), h.firstDay(), h.lastDay().equals(h.firstDay()) ? null : h.lastDay(), h.yearly());
        }
    }

    record CalendarView(
            long id,
            String name,
            CalendarKind kind,
            String timeZone,
            List<HoursView> hours,
            List<HolidayView> holidays,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static CalendarView of(SlaCalendar c) {
            return new CalendarView(
                    c.id(),
                    c.name(),
                    c.kind(),
                    c.timeZone(),
                    c.hours().stream().map(HoursView::of).toList(),
                    c.holidays().stream().map(HolidayView::of).toList(),
                    c.createdAt(),
                    c.updatedAt(),
                    c.version());
        }
    }

    record DueDateView(Instant start, long targetMinutes, Instant dueAt, boolean holidaysApplied) {

        static DueDateView of(Calendars.DueDate d) {
            return new DueDateView(d.start(), d.target().toMinutes(), d.dueAt(), d.holidaysApplied());
        }
    }

    @Operation(summary = "SLA calendars in id order; pass next_cursor back as cursor for the next page")
    @Callers({ADMIN, AGENT})
    @GetMapping
    KeysetPage<CalendarView> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        List<CalendarView> items = calendars.list(Cursor.decodeId(cursor), limit).stream()
                .map(CalendarView::of)
                .toList();
        return KeysetPage.of(items, limit, CalendarView::id);
    }

    @Callers({ADMIN, AGENT})
    @GetMapping("/{id}")
    CalendarView get(@PathVariable long id) {
        return CalendarView.of(calendars.get(id));
    }

    @Operation(
            summary = "Creates a calendar: TWENTY_FOUR_SEVEN (no hours, no holidays), BUSINESS_HOURS or CUSTOM (hours"
                    + " per weekday; ends_next_day for hours past midnight); time_zone defaults to the workspace's")
    @Callers(ADMIN)
    @PostMapping
    ResponseEntity<CalendarView> create(@Valid @RequestBody CalendarRequest request) {
        CalendarView created = CalendarView.of(calendars.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Replaces a calendar; a version that is not the current one is refused with 409")
    @Callers(ADMIN)
    @PutMapping("/{id}")
    CalendarView update(@PathVariable long id, @Valid @RequestBody CalendarRequest request) {
        return CalendarView.of(calendars.update(id, request.toDetails()));
    }

    @Callers(ADMIN)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        calendars.delete(id);
    }

    @Operation(
            summary = "When target_minutes of business time from start are due on this calendar (holidays count when"
                    + " the SLA configuration's allow_holidays is on)")
    @Callers({ADMIN, AGENT})
    @GetMapping("/{id}/due-date")
    DueDateView dueDate(
            @PathVariable long id,
            @RequestParam Instant start,
            @RequestParam("target_minutes") @Min(0) @Max(BusinessTimeCalculator.LONGEST_MINUTES) long targetMinutes) {
        return DueDateView.of(calendars.dueDate(id, start, Duration.ofMinutes(targetMinutes)));
    }
}
