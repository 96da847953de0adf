package io.safaridesk.domain.satisfaction;

import io.safaridesk.platform.events.EventTopology;
import java.time.Instant;

/**
 * A requester rated a ticket, or changed their rating or comment ({@code ticket.satisfaction-received} on the events
 * exchange): for triggers, notifications and webhooks. {@code agentId} and {@code departmentId} are the ticket's when
 * it was solved; {@code actorId} is null, as the requester answers through a link, not a login.
 */
public record SatisfactionReceived(
        long ticketId,
        long number,
        long surveyId,
        String rating,
        String previousRating,
        boolean commented,
        Long agentId,
        Long departmentId,
        String actorId,
        Instant at) {

    public static final String ROUTING_KEY = EventTopology.TICKET_EVENTS + "satisfaction-received";
}
