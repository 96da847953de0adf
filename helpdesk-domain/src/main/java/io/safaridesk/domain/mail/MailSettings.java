package io.safaridesk.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The workspace's own SMTP server: one row of {@code mail_settings}, the password sealed by {@link SecretBox}. */
@Entity
@Table(name = "mail_settings")
class MailSettings {

    static final short ONLY_ROW = 1;

    @Id
    private Short id;

    @Column(nullable = false)
    private String smtpHost;

    private int smtpPort;

    private String smtpUsername;

    private String smtpPassword;

    private boolean smtpStarttls;

    private String fromAddress;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private Integer version;

    protected MailSettings() {}

    static MailSettings create() {
        MailSettings settings = new MailSettings();
        settings.id = ONLY_ROW;
        return settings;
    }

    void change(SmtpServer server, String sealedPassword, Instant now) {
        smtpHost = server.host();
        smtpPort = server.port();
        smtpUsername = server.username();
        smtpPassword = sealedPassword;
        smtpStarttls = server.startTls();
        fromAddress = server.fromAddress();
        updatedAt = now;
    }

    SmtpServer open(SecretBox box) {
        return new SmtpServer(
                smtpHost,
                smtpPort,
                smtpUsername,
                smtpPassword == null ? null : box.open(smtpPassword),
                smtpStarttls,
                fromAddress);
    }

    String sealedPassword() {
        return smtpPassword;
    }

    int version() {
        return version == null ? 0 : version;
    }
}
