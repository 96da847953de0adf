package io.safaridesk.platform.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unbescape.html.HtmlEscape;

/**
 * The text of a mail template with {@code {{name}}} placeholders: nothing else is special, so an admin's template can
 * neither run code nor reach a value its mail does not offer. Macros' bodies use the same language.
 */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    private TemplateText() {}

    /** The placeholders in {@code source} that {@code template} does not offer, as written, in order. */
    static Set<String> unknown(MailTemplate template, String source) {
        return unknown(template.placeholders(), source);
    }

    /** The placeholders in {@code source} that are not among {@code offered}, as written, in order. */
    public static Set<String> unknown(Set<Placeholder> offered, String source) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(source);
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            if (Placeholder.named(name).filter(offered::contains).isEmpty()) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * {@code source} with every placeholder replaced by its value (empty when the mail has none); in {@code html}
     * mode values are escaped, except sanitised HTML ones.
     */
    public static String render(String source, Map<Placeholder, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 256);
        while (matcher.find()) {
            Placeholder placeholder =
                    Placeholder.named(matcher.group(1).strip()).orElse(null);
            String value = placeholder == null ? "" : values.getOrDefault(placeholder, "");
            if (html && placeholder != null && !placeholder.html()) {
                value = HtmlEscape.escapeHtml4Xml(value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
