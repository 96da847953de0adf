package io.safaridesk.domain.mail;

import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A workspace's own text of one mail in one language. */
@Entity
@Table(name = "mail_templates")
@IdClass(MailTemplateText.Key.class)
class MailTemplateText {

    /** The primary key: which mail, which language. */
    static class Key implements Serializable {
        private String template;
        private String language;

        protected Key() {}

        Key(MailTemplate template, String language) {
            this.template = template.file();
            this.language = language;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(template, key.template)
                    && Objects.equals(language, key.language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(template, language);
        }
    }

    @Id
    private String template;

    @Id
    private String language;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String bodyHtml;

    @Column(nullable = false)
    private String bodyText;

    private String updatedBy;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected MailTemplateText() {}

    MailTemplateText(MailTemplate template, String language) {
        this.template = template.file();
        this.language = language;
    }

    void change(MailTemplates.Content content, String userId, Instant now) {
        this.subject = content.subject();
        this.bodyHtml = content.html();
        this.bodyText = content.text();
        this.updatedBy = userId;
        this.updatedAt = now;
    }

    MailTemplates.Content content() {
        return new MailTemplates.Content(subject, bodyHtml, bodyText);
    }

    String language() {
        return language;
    }

    String template() {
        return template;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    int version() {
        return version;
    }
}
