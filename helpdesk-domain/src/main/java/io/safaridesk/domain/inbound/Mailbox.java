package io.safaridesk.domain.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/** A mailbox of the workspace that the worker reads: one row of {@code mailboxes}, the password sealed. */
@Entity
@DynamicUpdate
@Table(name = "mailboxes")
class Mailbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String imapHost;

    private int imapPort;

    private boolean imapTls;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String password;

    @Column(nullable = false)
    private String folder;

    private boolean enabled;

    private Long uidValidity;

    private long lastUid;

    private Instant lastPolledAt;

    private String lastError;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private Integer version;

    protected Mailbox() {}

    static Mailbox create(Instant now) {
        Mailbox mailbox = new Mailbox();
        mailbox.createdAt = now;
        return mailbox;
    }

    /** Takes the draft; a null password keeps the stored one. Another server or folder starts reading anew. */
    void change(MailboxDraft draft, String sealedPassword, Instant now) {
        boolean elsewhere = imapHost != null
                && (!imapHost.equalsIgnoreCase(draft.host())
                        || imapPort != draft.port()
                        || !username.equals(draft.username())
                        || !folder.equals(draft.folder()));
        name = draft.name();
        address = draft.address();
        imapHost = draft.host();
        imapPort = draft.port();
        imapTls = draft.tls();
        username = draft.username();
        if (sealedPassword != null) {
            password = sealedPassword;
        }
        folder = draft.folder();
        enabled = draft.enabled();
        if (elsewhere) {
            uidValidity = null;
            lastUid = 0;
        }
        lastError = null;
        updatedAt = now;
    }

    Long id() {
        return id;
    }

    String address() {
        return address;
    }

    boolean enabled() {
        return enabled;
    }

    String sealedPassword() {
        return password;
    }

    int version() {
        return version == null ? 0 : version;
    }

    ImapAccount account(String plainPassword) {
        return new ImapAccount(imapHost, imapPort, imapTls, username, plainPassword, folder);
    }

    MailboxView view() {
        return new MailboxView(
                id,
                name,
                address,
                imapHost,
                imapPort,
                imapTls,
                username,
                password != null,
                folder,
                enabled,
                uidValidity,
                lastUid,
                lastPolledAt,
                lastError,
                createdAt,
                updatedAt,
                version());
    }
}
