package io.safaridesk.domain.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * How a workspace presents itself and works: name, time zone (what SLA calendars default to), default language,
 * support URL, the identity its emails carry, the ticket number format and which tickets agents see. One row per
 * workspace schema.
 */
@Entity
@Table(name = "workspace_settings")
public class WorkspaceSettings {

    static final short ONLY_ROW = 1;

    @Id
    private Short id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private String defaultLanguage;

    private String supportUrl;

    private String emailFromName;

    private String emailReplyTo;

    private String emailSignature;

    @Column(nullable = false)
    private String ticketNumberPrefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketVisibility ticketVisibility;

    private String logoType;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private Integer version;

    protected WorkspaceSettings() {}

    /** The same state in an instance no persistence context manages, to share between requests (caches). */
    WorkspaceSettings sharedCopy() {
        WorkspaceSettings copy = new WorkspaceSettings();
        copy.id = id;
        copy.name = name;
        copy.timeZone = timeZone;
        copy.defaultLanguage = defaultLanguage;
        copy.supportUrl = supportUrl;
        copy.emailFromName = emailFromName;
        copy.emailReplyTo = emailReplyTo;
        copy.emailSignature = emailSignature;
        copy.ticketNumberPrefix = ticketNumberPrefix;
        copy.ticketVisibility = ticketVisibility;
        copy.logoType = logoType;
        copy.updatedAt = updatedAt;
        copy.version = version;
        return copy;
    }

    static WorkspaceSettings defaults(String name, Instant now) {
        WorkspaceSettings settings = new WorkspaceSettings();
        settings.id = ONLY_ROW;
        settings.name = name;
        settings.timeZone = "UTC";
        settings.defaultLanguage = "en";
        settings.ticketNumberPrefix = "T-";
        settings.ticketVisibility = TicketVisibility.DEPARTMENT;
        settings.updatedAt = now;
        return settings;
    }

    void logoStored(String mediaType, Instant now) {
        this.logoType = mediaType;
        this.updatedAt = now;
    }

    void change(Settings.Validated changes, Instant now) {
        this.name = changes.name();
        this.timeZone = changes.timeZone().value();
        this.defaultLanguage = changes.defaultLanguage().value();
        this.supportUrl = changes.supportUrl();
        this.emailFromName = changes.emailFromName();
        this.emailReplyTo = changes.emailReplyTo();
        this.emailSignature = changes.emailSignature() == null
                ? null
                : changes.emailSignature().value();
        this.ticketNumberPrefix = changes.ticketNumberPrefix();
        this.ticketVisibility = changes.ticketVisibility();
        this.updatedAt = now;
    }

    public String name() {
        return name;
    }

    /** An IANA time zone name. */
    public String timeZone() {
        return timeZone;
    }

    /** A BCP 47 language tag. */
    public String defaultLanguage() {
        return defaultLanguage;
    }

    public String supportUrl() {
        return supportUrl;
    }

    public String emailFromName() {
        return emailFromName;
    }

    public String emailReplyTo() {
        return emailReplyTo;
    }

    /** Sanitised HTML. */
    public String emailSignature() {
        return emailSignature;
    }

    public String ticketNumberPrefix() {
        return ticketNumberPrefix;
    }

    public TicketVisibility ticketVisibility() {
        return ticketVisibility;
    }

    /** The media type of the workspace's logo, or null when it has none. */
    public String logoType() {
        return logoType;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version == null ? 0 : version;
    }
}
