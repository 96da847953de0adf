package io.safaridesk.domain.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What one user wants to hear about: every kind by email and in-app unless switched off, and quiet hours (local
 * time in the user's zone) during which mail waits until they end.
 */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences {

    @Id
    private String userId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> emailOff = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> inAppOff = new ArrayList<>();

    private LocalTime quietStart;

    private LocalTime quietEnd;

    private String timeZone;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private Integer version;

    protected NotificationPreferences() {}

    static NotificationPreferences defaults(String userId, Instant now) {
        NotificationPreferences preferences = new NotificationPreferences();
        preferences.userId = userId;
        preferences.updatedAt = now;
        return preferences;
    }

    void change(
            Set<NotificationKind> emailOff,
            Set<NotificationKind> inAppOff,
            LocalTime quietStart,
            LocalTime quietEnd,
            String timeZone,
            Instant now) {
        this.emailOff = new ArrayList<>(
                emailOff.stream().map(NotificationKind::key).sorted().toList());
        this.inAppOff = new ArrayList<>(
                inAppOff.stream().map(NotificationKind::key).sorted().toList());
        this.quietStart = quietStart;
        this.quietEnd = quietEnd;
        this.timeZone = timeZone;
        this.updatedAt = now;
    }

    public String userId() {
        return userId;
    }

    public boolean wantsEmail(NotificationKind kind) {
        return !emailOff.contains(kind.key());
    }

    public boolean wantsInApp(NotificationKind kind) {
        return !inAppOff.contains(kind.key());
    }

    public Set<NotificationKind> emailOff() {
        return kinds(emailOff);
    }

    public Set<NotificationKind> inAppOff() {
        return kinds(inAppOff);
    }

    public LocalTime quietStart() {
        return quietStart;
    }

    public LocalTime quietEnd() {
        return quietEnd;
    }

    public String timeZone() {
        return timeZone;
    }

    public int version() {
        return version == null ? 0 : version;
    }

    /**
     * When mail sent at {@code now} may go out: {@code now} outside quiet hours, else the instant they end (quiet
     * hours may run over midnight, 22:00-07:00).
     */
    public Instant mailAllowedFrom(Instant now) {
        if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return now;
        }
        ZonedDateTime local = now.atZone(timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        boolean overnight = quietStart.isAfter(quietEnd);
        boolean quiet = overnight
                ? !time.isBefore(quietStart) || time.isBefore(quietEnd)
                : !time.isBefore(quietStart) && time.isBefore(quietEnd);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietEnd);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }

    private static Set<NotificationKind> kinds(List<String> keys) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (keys.contains(kind.key())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
