package io.safaridesk.domain.ticket;

/** Who sees a message of a ticket's conversation. */
public enum MessageVisibility {
    /** A reply: the requester sees it. */
    PUBLIC,
    /** A note: staff only, through every endpoint. */
    INTERNAL
}
