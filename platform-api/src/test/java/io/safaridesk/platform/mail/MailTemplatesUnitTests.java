package io.safaridesk.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesUnitTests {

    private final MailTemplates templates = new MailTemplates();
    private final MailTemplates.Branding acme =
            new MailTemplates.Branding("Acme <Support>", "<p>The Acme team</p>", "https://help.acme.example");
    private final Map<String, Object> values = Map.ofEntries(
            Map.entry("ticketRef", "T-7"),
            Map.entry("subject", "Printer <b>on fire</b>"),
            Map.entry("requesterName", "Jo"),
            Map.entry("authorName", "Ann"),
            Map.entry("bodyHtml", "<p>We are on it</p>"),
            Map.entry("bodyText", "We are on it"),
            Map.entry("target", "first response"),
            Map.entry("dueAt", "2026-01-01T10:00:00Z"),
            Map.entry("exportName", "tickets.csv"),
            Map.entry("downloadUrl", "https://x.example/e/1"),
            Map.entry("expiresAt", "2026-01-02"),
            Map.entry("code", "123456"),
            Map.entry("validMinutes", 10),
            Map.entry("adminName", "Jo"));

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateRendersSubjectTextAndBrandedHtml(MailTemplate template) {
        MailTemplates.Rendered mail = templates.render(template, acme, values);

        assertThat(mail.subject()).isNotBlank().doesNotContain("\n").doesNotContain("${");
        assertThat(mail.text()).isNotBlank().doesNotContain("${").doesNotContain("[(");
        assertThat(mail.html())
                .contains("<html")
                .contains("Acme &lt;Support&gt;")
                .contains("<p>The Acme team</p>")
                .contains("https://help.acme.example");
    }

    @Test
    void escapesValuesInHtmlButKeepsTheSanitisedBody() {
        MailTemplates.Rendered reply = templates.render(MailTemplate.PUBLIC_REPLY, acme, values);

        assertThat(reply.subject()).isEqualTo("Re: [T-7] Printer <b>on fire</b>");
        assertThat(reply.html()).contains("<p>We are on it</p>").doesNotContain("<b>on fire</b>");
        assertThat(reply.text()).contains("We are on it").contains("Ann, Acme <Support>");
    }
}
