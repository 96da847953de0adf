package io.safaridesk.domain.inbound;

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
    /** It forwards one of our mails (attached or inline), whose ids, reply address or subject name the ticket. */
    FORWARDED,
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
    /** Machine mail: an auto-reply (RFC 3834 Auto-Submitted, X-Autoreply, ...), or another workspace's notification. */
    REFUSED_AUTO_SUBMITTED,
    /** A bounce: a delivery status notification (RFC 3464), a null return path, a mailer daemon. */
    REFUSED_BOUNCE,
    /** A report that is no bounce: a read receipt (RFC 8098), an abuse feedback report (ARF), another report. */
    REFUSED_REPORT,
    /** Sent from one of the workspace's own addresses. */
    REFUSED_OWN_ADDRESS,
    /** Our own mail coming back: a Message-ID we generated or our signed origin header, whatever its From says. */
    REFUSED_OWN_MAIL,
    /** Bulk mail ({@code Precedence: bulk} or {@code junk}). */
    REFUSED_BULK,
    /** No longer decided (kept for the log of older mail): floods are held for review now. */
    REFUSED_FLOOD,
    /** Held in the review queue for an admin to release or delete; the review's reason is in the detail. */
    HELD_FOR_REVIEW,
    /** Its Message-ID was taken in before. */
    DUPLICATE,
    /** Taking it in failed; the raw mail is kept for an operator, and the mailbox went on. */
    FAILED
}
