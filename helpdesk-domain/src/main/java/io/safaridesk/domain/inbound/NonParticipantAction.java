package io.safaridesk.domain.inbound;

/** What a reply by mail from someone who is not on the ticket becomes. */
public enum NonParticipantAction {
    /** A new ticket, linked to the one it answered (the default). */
    NEW_TICKET,
    /** An internal note on the ticket it answered. */
    NOTE
}
