package io.safaridesk.platform.inbound;

/** The rule that decided what an inbound mail became; recorded with every mail taken in. */
public enum InboundRule {
    /** Its In-Reply-To names a Message-ID of a ticket's thread. */
    IN_REPLY_TO,
    /** One of its References names a Message-ID of a ticket's thread (or a ticket's notification root). */
    REFERENCES,
    /** It was sent to a ticket's signed plus-address ({@code support+<slug>-t<id>-<mac>@...}). */
    PLUS_ADDRESS,
    /** Its subject carries a ticket number of the workspace ({@code [#T-1042]}). */
    SUBJECT_NUMBER,
    /** Nothing matched: a new ticket on channel EMAIL. */
    NEW_TICKET,
    /** It answered a closed ticket: a new ticket linked to that one. */
    CLOSED_TICKET_NEW_TICKET,
    /** A reply from someone not on the ticket: a new ticket linked to it (the workspace's default). */
    NON_PARTICIPANT_NEW_TICKET,
    /** A reply from someone not on the ticket, added as an internal note (per the workspace's setting). */
    NON_PARTICIPANT_NOTE,
    /** An agent's reply to a notification: a public reply by that agent. */
    AGENT_REPLY,
    REFUSED_AUTO_SUBMITTED,
    REFUSED_BOUNCE,
    REFUSED_OWN_ADDRESS,
    REFUSED_FLOOD,
    /** Its Message-ID was taken in before. */
    DUPLICATE,
    /** Taking it in failed; the raw mail is kept for an operator, and the mailbox went on. */
    FAILED
}
