package io.safaridesk.domain.profile;

import io.safaridesk.platform.html.SafeHtml;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.i18n.TimeZoneId;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The profiles of the users of the workspace in context; a profile is made the first time its user is seen. */
@Component
@Transactional
public class Profiles {

    private final ProfileRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Profiles(ProfileRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    /** Who the caller is according to its token: the subject and the claims a new profile starts from. */
    public record Identity(String userId, String name, String email) {}

    /** What a user may change on their own profile; raw input, validated here. */
    public record Changes(
            String name, String phone, String signature, String availability, String timeZone, String language) {}

    /** The caller's profile, made from the token's claims when the caller is new to the workspace. */
    public Profile of(Identity identity) {
        return repository
                .findById(identity.userId())
                .orElseGet(() -> repository.saveAndFlush(Profile.firstSeen(identity, clock.instant())));
    }

    public Profile update(Identity identity, Changes changes) {
        Profile profile = of(identity);
        Availability before = profile.availability();
        profile.update(
                changes.name(),
                changes.phone(),
                SafeHtml.sanitize(changes.signature()),
                changes.availability() == null ? null : Availability.of(changes.availability()),
                changes.timeZone() == null ? null : TimeZoneId.of("time_zone", changes.timeZone()),
                changes.language() == null ? null : LanguageTag.of("language", changes.language()),
                clock.instant());
        if (profile.availability() != before) {
            events.publishEvent(new AvailabilityChanged(profile.userId(), profile.availability()));
        }
        return repository.saveAndFlush(profile);
    }

    /** Records that the caller's avatar now lives at {@code key}. */
    public Profile avatarStored(Identity identity, String key, String contentType) {
        Profile profile = of(identity);
        profile.avatarStored(key, contentType, clock.instant());
        return repository.saveAndFlush(profile);
    }
}
