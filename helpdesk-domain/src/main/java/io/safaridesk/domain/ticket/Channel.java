package io.safaridesk.domain.ticket;

/** Where a ticket came in. */
public enum Channel {
    EMAIL,
    WEB,
    PORTAL,
    PHONE,
    CHAT,
    CHATBOT,
    API,
    INTERNAL;

    /** The channel named {@code value} (any case), or a 422 problem naming {@code field}. */
    public static Channel of(String field, String value) {
        return EnumValues.parse(Channel.class, field, value);
    }
}
