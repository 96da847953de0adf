package io.safaridesk.domain.inbound;

import io.safaridesk.domain.attachment.Uploads;
import io.safaridesk.domain.ticket.TicketAttachments;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Puts the files of an inbound mail on its ticket, for intake and for a release from the review queue alike: each
 * checked by the upload rules first (so a refused file is left out instead of failing the mail), the rest attached to
 * the message, or to the ticket for a mail that opened it.
 */
@Component
public class MailFiles {

    private final Uploads uploads;
    private final TicketAttachments attachments;

    MailFiles(Uploads uploads, TicketAttachments attachments) {
        this.uploads = uploads;
        this.attachments = attachments;
    }

    /** A file that came with a mail. */
    public record File(String filename, byte[] content) {}

    /** Attaches the files to message {@code messageId} (null: the ticket); answers what was refused, or null. */
    public String attach(long ticketId, Long messageId, List<File> files, Actor author) {
        List<String> refused = new ArrayList<>();
        for (File file : files) {
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
}
