package io.safaridesk.worker.inbound;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.attachment.Uploads;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.ticket.TicketAttachments;
import io.safaridesk.platform.ticket.TicketText;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * What of a mail goes onto a ticket: the HTML body (or the text as paragraphs), without the quoted part for a reply,
 * and its files, each checked by the upload rules; a refused file is left out and named in the log.
 */
@Component
class MailContent {

    private static final int MAX_SUBJECT = 200;

    private static final String NO_TEXT = "<p>(no text: see the attachments)</p>";

    private final Uploads uploads;
    private final TicketAttachments attachments;

    MailContent(Uploads uploads, TicketAttachments attachments) {
        this.uploads = uploads;
        this.attachments = attachments;
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
        List<String> refused = new ArrayList<>();
        for (ParsedMail.Attachment file : mail.attachments()) {
            try {
                uploads.check(new Uploads.Upload("attachment", file.filename(), file.content()));
            } catch (ApiProblem problem) {
                refused.add(file.filename() + " (" + problem.getMessage() + ")");
                continue;
            }
            attachments.addFromEmail(ticketId, messageId, file.filename(), file.content(), author);
        }
        return refused.isEmpty() ? null : "attachments left out: " + String.join(", ", refused);
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
