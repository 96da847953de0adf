package io.safaridesk.platform.html;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Rich HTML that a user submitted, with everything but simple formatting, links and images removed (no scripts, no
 * event handlers, no styles). Every piece of user HTML passes through here before it is stored.
 */
public record SafeHtml(String value) {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "span").toFactory());

    /** The sanitised form of {@code html}; null stays null. */
    public static SafeHtml sanitize(String html) {
        return html == null ? null : new SafeHtml(POLICY.sanitize(html));
    }

    /** Sanitises {@code html}, returning the plain string (null for null). */
    public static String clean(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }
}
