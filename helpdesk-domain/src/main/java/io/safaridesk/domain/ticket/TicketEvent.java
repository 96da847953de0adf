package io.safaridesk.domain.ticket;

import io.safaridesk.platform.events.EventTopology;
import java.time.Instant;
import java.util.List;

/**
 * What happened to a ticket, as the worker and real-time clients learn it: version 1 JSON records on the events
 * exchange, routed by {@link #routingKey()} ({@code ticket.created}, ...). {@code actorId} is the realm user who acted
 * (null for the anonymous web form and the system).
 */
public sealed interface TicketEvent {

    long ticketId();

    long number();

    String actorId();

    Instant at();

    String routingKey();

    record TicketCreated(
            long ticketId,
            long number,
            String subject,
            Channel channel,
            Priority priority,
            Long departmentId,
            long requesterId,
            String actorId,
            Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "created";
        }
    }

    record TicketAssigned(
            long ticketId, long number, Long assigneeId, Long previousAssigneeId, String actorId, Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "assigned";
        }
    }

    record TicketStatusChanged(
            long ticketId,
            long number,
            String fromStatus,
            String toStatus,
            StatusCategory toCategory,
            String actorId,
            Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "status-changed";
        }
    }

    /** Any other field changes (priority, due date, department, category, subject, tags, archive, trash). */
    record TicketUpdated(long ticketId, long number, List<Ticket.Change> changes, String actorId, Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "updated";
        }
    }

    /** A public reply, by staff ({@code authorAgentId}) or by the requester ({@code authorContactId}). */
    record ReplyAdded(
            long ticketId,
            long number,
            long messageId,
            Long authorAgentId,
            Long authorContactId,
            String actorId,
            Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "reply-added";
        }
    }

    /** An internal note: staff only, never shown to the requester; no author agent for a note that came by mail. */
    record NoteAdded(long ticketId, long number, long messageId, Long authorAgentId, String actorId, Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "note-added";
        }
    }

    /** An agent was @mentioned in a reply or note; one event per mentioned agent. */
    record MentionMade(long ticketId, long number, long messageId, long agentId, String actorId, Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "mention-made";
        }
    }

    /** {@code sourceIds} (numbers {@code sourceNumbers}) were merged into this ticket and are closed for good. */
    record TicketMerged(
            long ticketId, long number, List<Long> sourceIds, List<Long> sourceNumbers, String actorId, Instant at)
            implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "merged";
        }
    }

    /** An admin deleted the ticket from the trash for good, with its conversation and history. */
    record TicketDeleted(long ticketId, long number, String actorId, Instant at) implements TicketEvent {
        public String routingKey() {
            return EventTopology.TICKET_EVENTS + "deleted";
        }
    }
}
