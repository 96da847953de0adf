package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.MailFiles;
import io.safaridesk.domain.ticket.TicketText;
import io.safaridesk.platform.actor.Actor;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * What of a mail goes onto a ticket: the HTML body (or the text as paragraphs), without the quoted part for a reply,
 * and its files ({@link MailFiles}: each checked by the upload rules; a refused file is left out and named in the log).
 */
@Component
class MailContent {

    private static final int MAX_SUBJECT = 200;

    private static final String NO_TEXT = "<p>(no text: see the attachments)</p>";

    private final MailFiles files;

    MailContent(MailFiles files) {
        this.files = files;
    }

    static String subject(ParsedMail mail) {
        String subject = mail.subject() == null || mail.subject().isBlank()
                ? "(no subject)"
                : mail.subject().strip();
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }

    /** A new ticket keeps the whole mail (a forwarded conversation is what the customer sends us). */
    static String newTicketHtml(ParsedMail mail) {
        return nonEmpty(mail.html() != null ? mail.html() : paragraphs(mail.text()));
    }

    /**
     * A reply loses what it quotes and its signature; a forward keeps what it forwards (that is its point: inline, as
     * the quoted block the client wrote, or attached, as a file).
     */
    static String replyHtml(ParsedMail mail) {
        if (!mail.forwarded().isEmpty()
                || InlineForward.SUBJECT_PREFIX.matcher(subject(mail)).find()) {
            return newTicketHtml(mail);
        }
        return nonEmpty(
                mail.html() != null
                        ? QuotedText.stripHtml(mail.html())
                        : paragraphs(QuotedText.stripText(mail.text())));
    }

    /** Attaches the mail's files to the message (or to the ticket); answers what was refused, or null. */
    String attach(long ticketId, Long messageId, ParsedMail mail, Actor author) {
        return files.attach(ticketId, messageId, files(mail), author);
    }

    /** The mail's files, as intake and a release from the review queue attach them. */
    static List<MailFiles.File> files(ParsedMail mail) {
        return mail.attachments().stream()
                .map(file -> new MailFiles.File(file.filename(), file.content()))
                .toList();
    }

    private static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Document document = Document.createShell("");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            Element p = document.body().appendElement("p");
            String[] lines = paragraph.split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    p.appendElement("br");
                }
                p.appendText(lines[i]);
            }
        }
        return document.body().html();
    }

    /** The ticket sanitises what it stores; a body with nothing left after that would be refused, so it says so. */
    private static String nonEmpty(String html) {
        if (html == null) {
            return NO_TEXT;
        }
        TicketText kept = TicketText.fromHtml(html);
        return kept.text().isBlank() && !kept.html().contains("<img") ? NO_TEXT : html;
    }
}
