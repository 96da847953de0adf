package io.safaridesk.worker.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Cuts what a reply quotes and its signature, so that a ticket shows what the person wrote now (the original MIME
 * is kept whole). Plain text: the attribution line of Gmail, Apple Mail, Thunderbird, Outlook and Gnus in English,
 * German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Danish, Norwegian, Finnish, Polish, Japanese and
 * Chinese (also split over two lines), Outlook's "Original Message" separator and its localised
 * {@code From:/Sent:/To:/Subject:} header block, {@code >} lines, the {@code -- } signature and the mobile clients'
 * "Sent from my ..." lines in those languages. HTML: Gmail's {@code gmail_quote} and signature, Apple's and
 * Thunderbird's {@code blockquote type=cite}, Outlook's {@code divRplyFwdMsg} and {@code appendonsend} (with all that
 * follows them), Thunderbird's cite prefix and signature, and an attribution left as the last paragraph. When nothing
 * would be left, the text is kept as it was.
 */
final class QuotedText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*("
                    + "On\\s.{1,300}\\swrote" // en: Gmail, Apple, Thunderbird
                    + "|.{1,300}\\swrites" // Gnus / Emacs
                    + "|Am\\s.{1,300}\\sschrieb.{0,100}" // de
                    + "|Le\\s.{1,300}\\sa\\s+écrit" // fr
                    + "|El\\s.{1,300}\\sescribió" // es
                    + "|(Em|No dia)\\s.{1,300}\\sescreveu" // pt
                    + "|(Il|In data)\\s.{1,300}\\sha\\s+scritto" // it
                    + "|Op\\s.{1,300}\\sschreef.{0,100}" // nl
                    + "|(Den|På)?\\s?.{1,300}\\sskrev.{0,100}" // sv, da, no
                    + "|.{1,300}\\skirjoitti" // fi
                    + "|(W dniu|Dnia)\\s.{1,300}\\s(napisał|napisała|napisał\\(a\\)|pisze)" // pl
                    + "|.{1,300}(のメッセージ|は書きました|さんは書きました)" // ja: Apple, Thunderbird
                    + "|\\d{4}年\\d{1,2}月\\d{1,2}日.{0,300}<[^>]+@[^>]+>" // ja: Gmail "2024年12月2日(月) 10:15 Ann <a@b>:"
                    + "|.{0,300}(写道|寫道)" // zh: Gmail, Apple
                    + ")\\s*[:：]\\s*$",
            FLAGS);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
                    + "|Mensagem original|Messaggio originale|Oorspronkelijk bericht|Originalmeddelande"
                    + "|Ursprungligt meddelande|Oprindelig meddelelse|Opprinnelig melding|Alkuperäinen viesti"
                    + "|Oryginalna wiadomość|Wiadomość oryginalna|元のメッセージ|原始邮件|原始郵件)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\s*\\*?(From|Von|De|Da|Van|Från|Fra|Lähettäjä|Od|差出人|送信者|发件人|寄件者)\\s*[:：]\\*?\\s*.+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|Subject|Cc|Gesendet|Datum|An|Betreff|Envoyé|Date|À|Objet|Enviado|Enviado el"
                    + "|Fecha|Para|Asunto|Assunto|Data|Inviato|A|Oggetto|Verzonden|Aan|Onderwerp|Skickat|Till|Ämne"
                    + "|Sendt|Til|Emne|Lähetetty|Vastaanottaja|Aihe|Wysłano|Wysłane|Do|Temat|送信日時|日付|宛先|件名"
                    + "|发送时间|日期|收件人|主题|寄件日期|收件者|主旨)\\s*[:：]\\*?.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SIGNATURE = Pattern.compile("^(--|-- |__)\\s*$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^\\s*(Sent from my .{1,40}|Sent from (Mail|Outlook|Yahoo Mail) for .{1,40}|Sent from Yahoo Mail.{0,40}"
                    + "|Get Outlook for .{1,40}|Von meinem .{1,40} gesendet|Envoyé de mon .{1,40}"
                    + "|Enviado desde mi .{1,40}|Enviado do meu .{1,40}|Inviato da .{1,40}|Verzonden (vanaf|met) .{1,40}"
                    + "|Skickat från min .{1,40}|Sendt fra min .{1,40}|Lähetetty .{1,40}(sta|stä)|Wysłane z .{1,40}"
                    + "|.{1,40}から送信|发自我的.{1,40}|從我的.{1,40}傳送)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> HTML_QUOTES = List.of(
            "div.gmail_quote",
            ".gmail_quote_container",
            "blockquote",
            "div.gmail_signature",
            "[data-smartmail=gmail_signature]",
            "div.moz-cite-prefix",
            ".moz-signature",
            "div.yahoo_quoted",
            "#Zm-_Id_-Sgn");
    private static final List<String> HTML_QUOTE_STARTS = List.of(
            "#divRplyFwdMsg", "#appendonsend", "hr#stopSpelling", "div#mail-editor-reference-message-container");

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
            int attribution = ATTRIBUTION.matcher(line).matches()
                    ? 1
                    : ATTRIBUTION.matcher(withNext).matches() ? 2 : 0;
            if (attribution > 0 && quoteFollows(lines, i + attribution)) {
                // bottom-posting (Gnus, mutt) or interleaving: the attribution heads a '>' quote, answers follow it
                i += attribution - 1;
                continue;
            }
            if (attribution > 0
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

    private static boolean quoteFollows(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i].startsWith(">") && hasAnswerAfterQuote(lines, i);
            }
        }
        return false;
    }

    /** Whether text of the writer follows the quote (else it is top-posting, and everything from here goes). */
    private static boolean hasAnswerAfterQuote(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (SIGNATURE.matcher(lines[i]).matches()) {
                return false;
            }
            if (!lines[i].isBlank() && !lines[i].startsWith(">")) {
                return true;
            }
        }
        return false;
    }

    static boolean headerBlock(String[] lines, int i) {
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
