package io.safaridesk.domain.ticket;

/**
 * What a status means to the product, whatever the workspace calls it: work to do, waiting on someone else (the SLA
 * clock pauses), solved, or finished for good.
 */
public enum StatusCategory {
    OPEN,
    PENDING,
    RESOLVED,
    CLOSED;

    public static StatusCategory of(String field, String value) {
        return EnumValues.parse(StatusCategory.class, field, value);
    }

    /** Resolved and closed tickets are done; the others are unresolved. */
    public boolean done() {
        return this == RESOLVED || this == CLOSED;
    }
}
