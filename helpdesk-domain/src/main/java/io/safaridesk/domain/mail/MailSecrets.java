package io.safaridesk.domain.mail;

import io.safaridesk.domain.export.ExportLinks;
import io.safaridesk.domain.satisfaction.SurveyTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key material for mail: {@code safaridesk.secret-key} ({@code SAFARIDESK_SECRET_KEY}) seals SMTP passwords and
 * signs reply addresses, the export download links and the survey links sent by mail. Unset, a fixed development key is used and a warning logged: set one secret for every
 * replica in production (changing it makes stored SMTP passwords unreadable and old reply addresses unknown).
 */
@Configuration
class MailSecrets {

    private static final Logger log = LoggerFactory.getLogger(MailSecrets.class);
    static final String DEVELOPMENT_KEY = "safaridesk-development-secret-key";

    private final String secret;

    MailSecrets(@Value("${safaridesk.secret-key:}") String secret) {
        if (secret == null || secret.isBlank()) {
            log.warn("SAFARIDESK_SECRET_KEY is not set: SMTP passwords are sealed with a development key."
                    + " Set it in production.");
            this.secret = DEVELOPMENT_KEY;
        } else {
            this.secret = secret;
        }
    }

    @Bean
    SecretBox secretBox() {
        return new SecretBox(secret);
    }

    @Bean
    ReplyAddress replyAddress() {
        return new ReplyAddress(secret);
    }

    @Bean
    MailOrigin mailOrigin() {
        return new MailOrigin(secret);
    }

    @Bean
    ExportLinks exportLinks() {
        return new ExportLinks(secret);
    }

    @Bean
    SurveyTokens surveyTokens() {
        return new SurveyTokens(secret);
    }
}
