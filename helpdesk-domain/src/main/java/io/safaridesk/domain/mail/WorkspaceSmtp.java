package io.safaridesk.domain.mail;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's own SMTP server, if it set one (else mail goes through the platform's). The password is sealed
 * with AES-GCM before it is stored and opened only to send.
 */
@Component
@Transactional
public class WorkspaceSmtp {

    private final MailSettingsRepository repository;
    private final SecretBox box;
    private final Clock clock;

    WorkspaceSmtp(MailSettingsRepository repository, SecretBox box, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.clock = clock;
    }

    /** The workspace's server, or empty for the platform default. */
    @Transactional(readOnly = true)
    public Optional<SmtpServer> current() {
        return repository.findById(MailSettings.ONLY_ROW).map(settings -> settings.open(box));
    }

    /** Stores the server; a null password keeps the stored one. */
    public void change(SmtpServer server) {
        MailSettings settings = repository.findById(MailSettings.ONLY_ROW).orElseGet(MailSettings::create);
        String sealed = server.password() == null ? settings.sealedPassword() : box.seal(server.password());
        settings.change(server, sealed, clock.instant());
        repository.saveAndFlush(settings);
    }

    /** Back to the platform's server. */
    public void clear() {
        repository.deleteById(MailSettings.ONLY_ROW);
    }
}
