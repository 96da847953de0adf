package io.safaridesk.domain.sla;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA clock crossed its at-risk share ({@code sla.at-risk}) or its target ({@code sla.breached}): version 1
 * JSON on the events exchange, recorded once per crossing. {@code notifiedAgentIds} are the assignee, the department's
 * leads and the admins; {@code escalations} what the policy did to the ticket (breaches only).
 */
public record SlaCrossed(
        long ticketId,
        long number,
        SlaMetric metric,
        int cycle,
        String crossing,
        Instant dueAt,
        Instant at,
        List<Long> notifiedAgentIds,
        List<String> escalations) {

    public static final String AT_RISK = "sla.at-risk";
    public static final String BREACHED = "sla.breached";
}
