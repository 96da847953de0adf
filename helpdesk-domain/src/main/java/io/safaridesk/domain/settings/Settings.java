package io.safaridesk.domain.settings;

import io.safaridesk.platform.html.SafeHtml;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.i18n.TimeZoneId;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.WorkspaceCache;
import io.safaridesk.platform.tenancy.WorkspaceCaches;
import java.time.Clock;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The settings of the workspace in context; until an admin saves them, the defaults (UTC, en, "T-", DEPARTMENT). */
@Component
@Transactional
public class Settings {

    private final WorkspaceSettingsRepository repository;
    private final Clock clock;
    private final WorkspaceCache<Boolean, WorkspaceSettings> cache;

    Settings(WorkspaceSettingsRepository repository, Clock clock, WorkspaceCaches caches) {
        this.repository = repository;
        this.clock = clock;
        this.cache = caches.create(10_000, WorkspaceSettings.class);
    }

    /** What an admin sets, as sent; validated by {@link #change}. {@code version} guards against lost updates. */
    public record Changes(
            String name,
            String timeZone,
            String defaultLanguage,
            String supportUrl,
            String emailFromName,
            String emailReplyTo,
            String emailSignature,
            String ticketNumberPrefix,
            String ticketVisibility,
            Integer version) {}

    record Validated(
            String name,
            TimeZoneId timeZone,
            LanguageTag defaultLanguage,
            String supportUrl,
            String emailFromName,
            String emailReplyTo,
            SafeHtml emailSignature,
            String ticketNumberPrefix,
            TicketVisibility ticketVisibility) {}

    /**
     * The saved settings, or (until an admin first saves them) the defaults, not stored: reading never writes. From the
     * workspace's cache (see {@link WorkspaceCache}): shared, read-only.
     */
    @Transactional(readOnly = true)
    public WorkspaceSettings current() {
        return cache.get(true, () -> stored().sharedCopy());
    }

    /** The settings as stored (or the defaults), for changing them. */
    private WorkspaceSettings stored() {
        return repository
                .findById(WorkspaceSettings.ONLY_ROW)
                .orElseGet(
                        () -> WorkspaceSettings.defaults(TenantContext.current().value(), clock.instant()));
    }

    /** Records that the workspace's logo, of this media type, is in the file store. */
    public WorkspaceSettings logoStored(String mediaType) {
        WorkspaceSettings settings = stored();
        settings.logoStored(mediaType, clock.instant());
        return repository.saveAndFlush(settings);
    }

    public WorkspaceSettings change(Changes changes) {
        WorkspaceSettings settings = stored();
        if (changes.version() != null && changes.version() != settings.version()) {
            throw new ObjectOptimisticLockingFailureException(WorkspaceSettings.class, WorkspaceSettings.ONLY_ROW);
        }
        settings.change(
                new Validated(
                        changes.name(),
                        TimeZoneId.of("time_zone", changes.timeZone() == null ? "UTC" : changes.timeZone()),
                        LanguageTag.of(
                                "default_language",
                                changes.defaultLanguage() == null ? "en" : changes.defaultLanguage()),
                        changes.supportUrl(),
                        changes.emailFromName(),
                        changes.emailReplyTo(),
                        SafeHtml.sanitize(changes.emailSignature()),
                        changes.ticketNumberPrefix() == null ? "T-" : changes.ticketNumberPrefix(),
                        changes.ticketVisibility() == null
                                ? TicketVisibility.DEPARTMENT
                                : TicketVisibility.of(changes.ticketVisibility())),
                clock.instant());
        return repository.saveAndFlush(settings);
    }
}
