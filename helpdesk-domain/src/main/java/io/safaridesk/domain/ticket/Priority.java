package io.safaridesk.domain.ticket;

/** How urgent a ticket is, most urgent first. */
public enum Priority {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** The priority named {@code value} (any case), or a 422 problem naming {@code field}. */
    public static Priority of(String field, String value) {
        return EnumValues.parse(Priority.class, field, value);
    }

    /** One step more urgent; CRITICAL stays CRITICAL. */
    public Priority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }
}
