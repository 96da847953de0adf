package io.safaridesk.domain.sla;

/**
 * What an SLA measures on a ticket: the time to the first public reply of an agent, to the agent's reply after each
 * customer reply, and to resolution.
 */
public enum SlaMetric {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    RESOLUTION
}
