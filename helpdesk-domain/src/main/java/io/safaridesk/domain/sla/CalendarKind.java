package io.safaridesk.domain.sla;

/**
 * What a calendar describes. All kinds are computed the same way; the kind says how the calendar is meant and what it
 * may hold.
 */
public enum CalendarKind {
    /** Always open: no opening hours, no holidays; business time is wall-clock time. */
    TWENTY_FOUR_SEVEN,
    /** An office's working hours per weekday, with holidays. */
    BUSINESS_HOURS,
    /** Other operational hours, such as shifts round the clock on some days, with holidays. */
    CUSTOM
}
