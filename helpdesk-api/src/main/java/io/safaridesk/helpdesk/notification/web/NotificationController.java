package io.safaridesk.helpdesk.notification.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.notification.Notification;
import io.safaridesk.domain.notification.NotificationKind;
import io.safaridesk.domain.notification.NotificationPreferences;
import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Callers({ADMIN, AGENT})
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    record NotificationView(
            long id,
            String kind,
            Long ticketId,
            String title,
            String body,
            boolean read,
            Instant readAt,
            Instant createdAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(
                    n.id(), n.kind(), n.ticketId(), n.title(), n.body(), n.read(), n.readAt(), n.createdAt());
        }
    }

    record UnreadCount(long count) {}

    record MarkedAll(int marked) {}

    record QuietHours(String start, String end, String timeZone) {}

    record SettingsView(
            List<String> kinds, List<String> emailOff, List<String> inAppOff, QuietHours quietHours, int version) {

        static SettingsView of(NotificationPreferences p) {
            return new SettingsView(
                    Arrays.stream(NotificationKind.values())
                            .map(NotificationKind::key)
                            .toList(),
                    p.emailOff().stream().map(NotificationKind::key).toList(),
                    p.inAppOff().stream().map(NotificationKind::key).toList(),
                    p.quietStart() == null
                            ? null
                            : new QuietHours(
                                    p.quietStart().toString(), p.quietEnd().toString(), p.timeZone()),
                    p.version());
        }
    }

    record SettingsRequest(
            @Size(max = 20) List<String> emailOff,
            @Size(max = 20) List<String> inAppOff,
            @Valid QuietHoursRequest quietHours,
            Integer version) {

        Notifications.PreferenceChanges toChanges() {
            return new Notifications.PreferenceChanges(
                    emailOff,
                    inAppOff,
                    quietHours == null ? null : quietHours.start(),
                    quietHours == null ? null : quietHours.end(),
                    quietHours == null ? null : quietHours.timeZone(),
                    version);
        }
    }

    record QuietHoursRequest(
            @Size(max = 5) String start,
            @Size(max = 5) String end,
            @Size(max = 64) String timeZone) {}

    @Operation(
            summary = "The caller's notifications, newest first; unread=true for unread ones only; pass"
                    + " next_cursor back as cursor")
    @GetMapping("/list")
    KeysetPage<NotificationView> list(
            TenantAuthentication caller,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "false") boolean unread) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        List<NotificationView> items = notifications.list(caller.userId(), unread, before, limit).stream()
                .map(NotificationView::of)
                .toList();
        return KeysetPage.of(items, limit, NotificationView::id);
    }

    @Operation(summary = "How many of the caller's notifications are unread")
    @GetMapping("/unread-count")
    UnreadCount unreadCount(TenantAuthentication caller) {
        return new UnreadCount(notifications.unreadCount(caller.userId()));
    }

    @Operation(summary = "Marks one of the caller's notifications read (another user's is 404)")
    @PostMapping("/mark-as-read/{pk}")
    NotificationView markRead(TenantAuthentication caller, @PathVariable long pk) {
        return NotificationView.of(notifications.markRead(caller.userId(), pk));
    }

    @Operation(summary = "Marks all the caller's notifications read; answers how many were unread")
    @PostMapping("/mark-all-as-read")
    MarkedAll markAllRead(TenantAuthentication caller) {
        return new MarkedAll(notifications.markAllRead(caller.userId()));
    }

    @Operation(summary = "The caller's notification settings: kinds switched off for email and in-app, quiet hours")
    @GetMapping("/settings")
    SettingsView settings(TenantAuthentication caller) {
        return SettingsView.of(notifications.preferencesOf(caller.userId()));
    }

    @Operation(summary = "Replaces the caller's notification settings; a stale version is 409")
    @PutMapping("/settings")
    SettingsView changeSettings(TenantAuthentication caller, @Valid @RequestBody SettingsRequest request) {
        return SettingsView.of(notifications.change(caller.userId(), request.toChanges()));
    }
}
