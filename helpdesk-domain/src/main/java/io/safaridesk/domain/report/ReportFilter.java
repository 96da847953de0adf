package io.safaridesk.domain.report;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;

/**
 * What a report covers: its period and, each when not null, only tickets of one department, assigned to one agent,
 * from one channel, of one priority or carrying one tag (lower case).
 */
public record ReportFilter(
        ReportPeriod period, Long department, Long agent, Channel channel, Priority priority, String tag) {}
