package io.safaridesk.domain.notification;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/** What a staff notification is about; each can be switched off per user, for email and in-app separately. */
public enum NotificationKind {
    TICKET_ASSIGNED,
    TICKET_REPLIED,
    MENTION,
    SLA_AT_RISK,
    SLA_BREACHED,
    EXPORT_READY,
    EXPORT_FAILED,
    /** Inbound mail was held in the review queue (admins only). */
    MAIL_HELD_FOR_REVIEW;

    /** The name in JSON and in the database: {@code ticket_assigned}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code key}; 422 naming {@code field} otherwise. */
    public static NotificationKind of(String field, String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "is not a notification kind");
        }
    }
}
