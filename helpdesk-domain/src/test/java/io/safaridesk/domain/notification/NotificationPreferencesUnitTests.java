package io.safaridesk.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationPreferencesUnitTests {

    private static NotificationPreferences quiet(String start, String end, String zone) {
        NotificationPreferences preferences = NotificationPreferences.defaults("u", Instant.EPOCH);
        preferences.change(
                Set.of(NotificationKind.MENTION),
                Set.of(),
                LocalTime.parse(start),
                LocalTime.parse(end),
                zone,
                Instant.EPOCH);
        return preferences;
    }

    @Test
    void everyKindIsOnUntilSwitchedOff() {
        NotificationPreferences preferences = quiet("22:00", "07:00", "UTC");

        assertThat(preferences.wantsEmail(NotificationKind.MENTION)).isFalse();
        assertThat(preferences.wantsInApp(NotificationKind.MENTION)).isTrue();
        assertThat(preferences.wantsEmail(NotificationKind.TICKET_ASSIGNED)).isTrue();
    }

    @Test
    void mailWaitsForTheEndOfOvernightQuietHoursInTheUsersZone() {
        // Nairobi is UTC+3: 23:30 local is 20:30 UTC, quiet until 07:00 local = 04:00 UTC next day
        NotificationPreferences preferences = quiet("22:00", "07:00", "Africa/Nairobi");

        assertThat(preferences.mailAllowedFrom(Instant.parse("2026-03-02T20:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T04:00:00Z"));
        assertThat(preferences.mailAllowedFrom(Instant.parse("2026-03-03T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T04:00:00Z"));
        assertThat(preferences.mailAllowedFrom(Instant.parse("2026-03-03T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    }

    @Test
    void daytimeQuietHoursEndTheSameDay() {
        NotificationPreferences preferences = quiet("12:00", "13:00", "UTC");

        assertThat(preferences.mailAllowedFrom(Instant.parse("2026-03-03T12:15:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T13:00:00Z"));
        assertThat(preferences.mailAllowedFrom(Instant.parse("2026-03-03T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T13:00:00Z"));
        assertThat(NotificationPreferences.defaults("u", Instant.EPOCH).mailAllowedFrom(Instant.EPOCH))
                .isEqualTo(Instant.EPOCH);
    }
}
