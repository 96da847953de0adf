package io.safaridesk.platform.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesUnitTests {

    private final MailTemplates templates = new MailTemplates();
    private final MailTemplates.Branding acme =
            new MailTemplates.Branding("Acme <Support>", "<p>The Acme team</p>", "https://help.acme.example");
    private final Map<Placeholder, String> values = examples();

    private static Map<Placeholder, String> examples() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        Arrays.stream(Placeholder.values()).forEach(p -> values.put(p, p.example()));
        values.put(Placeholder.TICKET_SUBJECT, "Printer <b>on fire</b>");
        values.put(Placeholder.TICKET_NUMBER, "T-7");
        values.put(Placeholder.AGENT_NAME, "Ann");
        values.put(Placeholder.MESSAGE_HTML, "<p>We are on it</p>");
        values.put(Placeholder.MESSAGE_TEXT, "We are on it");
        return values;
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateRendersSubjectTextAndBrandedHtmlInEveryShippedLanguage(MailTemplate template) {
        for (String language : new String[] {"en", "de", "fr", "sw-KE"}) {
            MailTemplates.Rendered mail = templates.render(template, language, acme, values);

            assertThat(mail.subject()).isNotBlank().doesNotContain("\n").doesNotContain("{{");
            assertThat(mail.text()).isNotBlank().doesNotContain("{{");
            assertThat(mail.html())
                    .contains("<html")
                    .doesNotContain("{{")
                    .contains("Acme &lt;Support&gt;")
                    .contains("<p>The Acme team</p>")
                    .contains("https://help.acme.example");
        }
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void shippedTemplatesUseOnlyThePlaceholdersTheirMailOffers(MailTemplate template) {
        for (String language : new String[] {"en", "de", "fr"}) {
            MailTemplates.requireKnownPlaceholders(template, templates.shipped(template, language));
        }
    }

    @Test
    void escapesValuesInHtmlButKeepsTheSanitisedBody() {
        MailTemplates.Rendered reply = templates.render(MailTemplate.PUBLIC_REPLY, "en", acme, values);

        assertThat(reply.subject()).isEqualTo("Re: [T-7] Printer <b>on fire</b>");
        assertThat(reply.html()).contains("<p>We are on it</p>").doesNotContain("<b>on fire</b>");
        assertThat(reply.text()).contains("We are on it").contains("Ann, Acme <Support>");
    }

    @Test
    void picksTheTranslationOfTheLanguageOrOfItsPrimaryLanguageElseEnglish() {
        assertThat(templates
                        .render(MailTemplate.TICKET_SOLVED, "de", acme, values)
                        .subject())
                .isEqualTo("[T-7] Gelöst: Printer <b>on fire</b>");
        assertThat(templates
                        .render(MailTemplate.TICKET_SOLVED, "fr-CA", acme, values)
                        .subject())
                .startsWith("[T-7] Résolu");
        assertThat(templates
                        .render(MailTemplate.TICKET_SOLVED, "sw", acme, values)
                        .subject())
                .startsWith("[T-7] Solved");
        assertThat(templates
                        .render(MailTemplate.TICKET_SOLVED, "de", acme, values)
                        .html())
                .contains("lang=\"de\"");
    }

    @Test
    void aWorkspacesOwnTextIsEscapedAndSanitised() {
        MailTemplates.Content own = new MailTemplates.Content(
                "Done: {{ticket.subject}}\nnext line",
                "<p style=\"color:red\" onclick=\"x()\">Hi {{ requester.name }}</p><script>alert(1)</script>",
                "Hi {{requester.name}}");
        Map<Placeholder, String> mine = new EnumMap<>(values);
        mine.put(Placeholder.REQUESTER_NAME, "<img src=x onerror=alert(1)>");

        MailTemplates.Rendered mail = templates.render(own, "en", acme, mine);

        assertThat(mail.subject()).isEqualTo("Done: Printer <b>on fire</b> next line");
        assertThat(mail.html())
                .contains("Hi &lt;img src&#61;x onerror&#61;alert(1)&gt;")
                .doesNotContain("<script")
                .doesNotContain("onclick")
                .doesNotContain("<img");
        assertThat(mail.text()).isEqualTo("Hi <img src=x onerror=alert(1)>");
    }

    @Test
    void refusesPlaceholdersTheMailDoesNotOfferNamingEach() {
        MailTemplates.Content own = new MailTemplates.Content(
                "{{ticket.number}} {{ticket.secret}}", "<p>{{{message.html}}}</p>", "{{export.url}}");

        assertThatThrownBy(() -> MailTemplates.requireKnownPlaceholders(MailTemplate.TICKET_SOLVED, own))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.fields())
                                .extracting(FieldProblem::field)
                                .containsExactly("subject", "html", "text"))
                .hasMessageContaining("Some fields")
                .satisfies(problem -> assertThat(
                                ((ApiProblem) problem).fields().getFirst().reason())
                        .startsWith("uses the unknown placeholder {{ticket.secret}}"));
    }
}
