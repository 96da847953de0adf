package io.safaridesk.worker.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Cuts what a reply quotes and its signature, so that a ticket shows what the person wrote now (the original MIME
 * is kept whole). Plain text: the attribution line of Gmail, Apple Mail and Outlook ({@code On ... wrote:}, also
 * split over two lines, and its French, German and Spanish forms), Outlook's {@code -----Original Message-----} and
 * {@code From:/Sent:} header block, {@code >} lines, the {@code -- } signature and "Sent from my ..." lines. HTML:
 * Gmail's {@code gmail_quote} and signature, Apple's {@code blockquote type=cite}, Outlook's {@code divRplyFwdMsg} and
 * {@code appendonsend} (with all that follows them), Thunderbird's cite prefix and signature. When nothing would be
 * left, the text is kept as it was.
 */
final class QuotedText {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.{1,300}\\swrote|Le\\s.{1,300}\\sa\\s+écrit|Am\\s.{1,300}\\sschrieb.{0,100}|El\\s.{1,300}"
                    + "\\sescribió)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De)\\s*:\\*?\\s.+$");
    private static final Pattern HEADER_NEXT =
            Pattern.compile("^\\s*\\*?(Sent|Date|To|Subject|Gesendet|Envoyé|Enviado)\\s*:\\*?.*$");
    private static final Pattern SIGNATURE = Pattern.compile("^(--|-- |__)\\s*$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^\\s*(Sent from my .{1,40}|Sent from (Mail|Outlook) for .{1,40}|Get Outlook for .{1,40})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> HTML_QUOTES = List.of(
            "div.gmail_quote",
            ".gmail_quote_container",
            "blockquote",
            "div.gmail_signature",
            "[data-smartmail=gmail_signature]",
            "div.moz-cite-prefix",
            ".moz-signature");
    private static final List<String> HTML_QUOTE_STARTS = List.of("#divRplyFwdMsg", "#appendonsend", "hr#stopSpelling");

    private QuotedText() {}

    /** The text without its quoted part and signature. */
    static String stripText(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String withNext = i + 1 < lines.length ? line + " " + lines[i + 1] : line;
            if (ATTRIBUTION.matcher(line).matches()
                    || ATTRIBUTION.matcher(withNext).matches()
                    || ORIGINAL_MESSAGE.matcher(line).matches()
                    || OUTLOOK_RULE.matcher(line).matches() && i + 1 < lines.length && headerBlock(lines, i + 1)
                    || headerBlock(lines, i)
                    || SIGNATURE.matcher(line).matches()) {
                break;
            }
            if (line.startsWith(">") || MOBILE_SIGNATURE.matcher(line).matches()) {
                continue;
            }
            kept.add(line);
        }
        String stripped = String.join("\n", kept).strip();
        return stripped.isEmpty() ? text.strip() : stripped;
    }

    /** The HTML without its quoted part and signature (not sanitised: the ticket sanitises what it stores). */
    static String stripHtml(String html) {
        if (html == null) {
            return null;
        }
        Document document = Jsoup.parse(html);
        for (String start : HTML_QUOTE_STARTS) {
            for (Element element : document.select(start)) {
                removeWithFollowing(element);
            }
        }
        for (String selector : HTML_QUOTES) {
            document.select(selector).remove();
        }
        Element last = lastBlock(document.body());
        if (last != null && ATTRIBUTION.matcher(last.text()).matches()) {
            last.remove();
        }
        return document.body().text().isBlank() && document.body().select("img").isEmpty()
                ? html
                : document.body().html();
    }

    private static boolean headerBlock(String[] lines, int i) {
        return HEADER_FROM.matcher(lines[i]).matches()
                && i + 1 < lines.length
                && HEADER_NEXT.matcher(lines[i + 1]).matches();
    }

    /** Outlook puts the quoted mail after its reply header as siblings: the header and everything after it go. */
    private static void removeWithFollowing(Element element) {
        Element current = element;
        while (current != null && current.parent() != null && !current.tagName().equals("body")) {
            while (current.nextElementSibling() != null) {
                current.nextElementSibling().remove();
            }
            Element parent = current.parent();
            current.remove();
            current = parent != null
                            && parent.children().isEmpty()
                            && parent.text().isBlank()
                    ? parent
                    : null;
        }
    }

    private static Element lastBlock(Element body) {
        Element last = body.children().isEmpty() ? null : body.children().last();
        while (last != null && !last.children().isEmpty() && last.ownText().isBlank()) {
            last = last.children().last();
        }
        return last;
    }
}
