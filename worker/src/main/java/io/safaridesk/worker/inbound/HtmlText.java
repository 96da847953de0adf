package io.safaridesk.worker.inbound;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

/** The text of an HTML body with its line structure: a line per block (and per {@code <br>}, as jsoup writes it). */
final class HtmlText {

    private HtmlText() {}

    static String of(String html) {
        Document document = Jsoup.parse(html);
        document.select("p, div, hr, tr, li, h1, h2, h3, blockquote").forEach(e -> e.after(new TextNode("\n")));
        return document.body().wholeText();
    }
}
