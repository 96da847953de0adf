package io.safaridesk.domain.ticket;

import io.safaridesk.platform.html.SafeHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Rich text a user wrote, sanitised, with the plain-text rendering that search, email and previews use. */
public record TicketText(String html, String text) {

    public static TicketText fromHtml(String html) {
        String safe = html == null ? "" : SafeHtml.clean(html);
        return new TicketText(safe, plainText(safe));
    }

    /** The text of {@code html} with a line break after each block and {@code <br>}, blank lines collapsed. */
    static String plainText(String html) {
        StringBuilder text = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e && e.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && depth > 0) {
                    text.append('\n');
                }
            }
        });
        return text.toString()
                .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
