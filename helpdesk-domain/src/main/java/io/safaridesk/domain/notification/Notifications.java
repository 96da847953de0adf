package io.safaridesk.domain.notification;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.i18n.TimeZoneId;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's in-app notifications and notification settings. Every call is scoped to the caller's own user id: a
 * notification of someone else is 404, whatever its id.
 */
@Component
@Transactional
public class Notifications {

    private final NotificationRepository notifications;
    private final NotificationPreferencesRepository preferences;
    private final Clock clock;

    Notifications(NotificationRepository notifications, NotificationPreferencesRepository preferences, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** A notification for {@code recipientUserId}, as the worker raises it. */
    public record NewNotification(
            String recipientUserId, NotificationKind kind, Long ticketId, String title, String body) {}

    /** Stores the notification if the recipient wants this kind in-app; answers whether it did. */
    public boolean raise(NewNotification notification) {
        if (!preferencesOf(notification.recipientUserId()).wantsInApp(notification.kind())) {
            return false;
        }
        notifications.save(new Notification(
                notification.recipientUserId(),
                notification.kind(),
                notification.ticketId(),
                notification.title(),
                notification.body(),
                clock.instant()));
        return true;
    }

    /** Newest first; {@code beforeId} is the last id of the previous page ({@link Long#MAX_VALUE} for the first). */
    @Transactional(readOnly = true)
    public List<Notification> list(String userId, boolean unreadOnly, long beforeId, int limit) {
        return notifications.page(userId, beforeId, unreadOnly, limit);
    }

    @Transactional(readOnly = true)
    public long unreadCount(String userId) {
        return notifications.unread(userId);
    }

    public Notification markRead(String userId, long id) {
        Notification notification =
                notifications.findByIdAndRecipientUserId(id, userId).orElseThrow(() -> NotificationNotFound.forId(id));
        notification.markRead(clock.instant());
        return notification;
    }

    /** Answers how many were unread. */
    public int markAllRead(String userId) {
        return notifications.markAllRead(userId, clock.instant());
    }

    /** The user's settings; defaults (everything on, no quiet hours) until first changed. */
    @Transactional(readOnly = true)
    public NotificationPreferences preferencesOf(String userId) {
        return preferences.findById(userId).orElseGet(() -> NotificationPreferences.defaults(userId, clock.instant()));
    }

    /**
     * New settings: the kinds switched off for email and for in-app (by key), and quiet hours ({@code HH:mm}, both or
     * neither) in an IANA zone. {@code version}, when given, must be the stored one.
     */
    public record PreferenceChanges(
            List<String> emailOff,
            List<String> inAppOff,
            String quietStart,
            String quietEnd,
            String timeZone,
            Integer version) {}

    public NotificationPreferences change(String userId, PreferenceChanges changes) {
        NotificationPreferences current = preferencesOf(userId);
        if (changes.version() != null && changes.version() != current.version()) {
            throw new ObjectOptimisticLockingFailureException(NotificationPreferences.class, userId);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<NotificationKind> emailOff = kinds("email_off", changes.emailOff(), problems);
        Set<NotificationKind> inAppOff = kinds("in_app_off", changes.inAppOff(), problems);
        LocalTime start = time("quiet_start", changes.quietStart(), problems);
        LocalTime end = time("quiet_end", changes.quietEnd(), problems);
        if ((start == null) != (end == null) && problems.isEmpty()) {
            problems.add(new FieldProblem(
                    start == null ? "quiet_start" : "quiet_end", "quiet hours need both a start and an end"));
        }
        String zone = null;
        if (changes.timeZone() != null) {
            try {
                zone = TimeZoneId.of("time_zone", changes.timeZone()).value();
            } catch (ApiProblem.InvalidInput e) {
                problems.addAll(e.fields());
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        current.change(emailOff, inAppOff, start, end, zone, clock.instant());
        return preferences.saveAndFlush(current);
    }

    private static Set<NotificationKind> kinds(String field, List<String> keys, List<FieldProblem> problems) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        if (keys == null) {
            return kinds;
        }
        for (int i = 0; i < keys.size(); i++) {
            try {
                kinds.add(NotificationKind.of(field, String.valueOf(keys.get(i))));
            } catch (ApiProblem.InvalidInput e) {
                problems.add(new FieldProblem(field + "[" + i + "]", "is not a notification kind"));
            }
        }
        return kinds;
    }

    private static LocalTime time(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "is not a time of day (HH:mm)"));
            return null;
        }
    }

    /** No notification with this id for the caller. */
    public static final class NotificationNotFound extends ApiProblem {
        private NotificationNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "notification-not-found", "No notification " + id);
        }

        public static NotificationNotFound forId(long id) {
            return new NotificationNotFound(id);
        }
    }
}
