package io.safaridesk.domain.macro;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.template.Placeholder;
import io.safaridesk.platform.template.TemplateText;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A macro's reply in the mail templates' placeholder language: {@code {{name}}} and nothing else. A macro offers the
 * values an agent's reply can know about the ticket it answers; every value is HTML-escaped before it goes in, and the
 * result is sanitised again as every reply is.
 */
public final class MacroBody {

    /** The placeholders a macro may use. */
    public static final Set<Placeholder> OFFERED = Set.copyOf(EnumSet.of(
            Placeholder.WORKSPACE_NAME,
            Placeholder.TICKET_NUMBER,
            Placeholder.TICKET_SUBJECT,
            Placeholder.TICKET_STATUS,
            Placeholder.REQUESTER_NAME,
            Placeholder.REQUESTER_EMAIL,
            Placeholder.AGENT_NAME));

    private MacroBody() {}

    /** A 422 naming {@code field} and every placeholder in {@code html} that macros do not offer, if there is one. */
    static void requireKnownPlaceholders(String field, String html) {
        Set<String> unknown = TemplateText.unknown(OFFERED, html);
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalidField(
                    field,
                    "uses the unknown placeholder"
                            + (unknown.size() == 1 ? " " : "s ")
                            + unknown.stream().map(name -> "{{" + name + "}}").collect(Collectors.joining(", "))
                            + "; macros offer "
                            + OFFERED.stream()
                                    .map(p -> "{{" + p.placeholder() + "}}")
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** {@code html} with the values in, each HTML-escaped; a placeholder without a value becomes empty. */
    static String render(String html, Map<Placeholder, String> values) {
        return TemplateText.render(html, values, true);
    }
}
