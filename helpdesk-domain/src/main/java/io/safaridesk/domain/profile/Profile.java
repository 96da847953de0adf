package io.safaridesk.domain.profile;

import io.safaridesk.platform.html.SafeHtml;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.i18n.TimeZoneId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What the helpdesk keeps about a realm user (its identity stays in Keycloak): display name, phone, signature,
 * availability, time zone, language and avatar. Keyed by the token's subject; lives in the workspace's schema.
 */
@Entity
@Table(name = "profiles")
public class Profile {

    @Id
    private String userId;

    private String name;

    private String email;

    private String phone;

    private String signature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Availability availability;

    private String timeZone;

    private String language;

    private String avatarKey;

    private String avatarType;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private Integer version;

    protected Profile() {}

    static Profile firstSeen(Profiles.Identity identity, Instant now) {
        Profile profile = new Profile();
        profile.userId = identity.userId();
        profile.name = identity.name();
        profile.email = identity.email();
        profile.availability = Availability.AVAILABLE;
        profile.createdAt = now;
        profile.updatedAt = now;
        return profile;
    }

    void update(
            String name,
            String phone,
            SafeHtml signature,
            Availability availability,
            TimeZoneId timeZone,
            LanguageTag language,
            Instant now) {
        this.name = name;
        this.phone = phone;
        this.signature = signature == null ? null : signature.value();
        this.availability = availability == null ? this.availability : availability;
        this.timeZone = timeZone == null ? null : timeZone.value();
        this.language = language == null ? null : language.value();
        this.updatedAt = now;
    }

    void avatarStored(String key, String contentType, Instant now) {
        this.avatarKey = key;
        this.avatarType = contentType;
        this.updatedAt = now;
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** Sanitised HTML. */
    public String signature() {
        return signature;
    }

    public Availability availability() {
        return availability;
    }

    public String timeZone() {
        return timeZone;
    }

    public String language() {
        return language;
    }

    /** Where the avatar is stored, null when there is none. */
    public String avatarKey() {
        return avatarKey;
    }

    public String avatarType() {
        return avatarType;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version == null ? 0 : version;
    }
}
