package io.safaridesk.worker.testing;

import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a mailbox of the test mail server over IMAP with every header (any password opens any mailbox). */
public final class Inbox {

    private Inbox() {}

    /** A received mail: the headers a test checks and the MIME types of its leaf parts. */
    public record Mail(
            String messageId,
            String subject,
            String inReplyTo,
            String references,
            String replyTo,
            String autoSubmitted,
            List<String> partTypes,
            String text) {}

    public static List<Mail> of(String address) {
        ServiceEndpoints.Mail mail = TestServices.endpoints().mail();
        return of(address, mail.imapHost(), mail.imapPort());
    }

    public static List<Mail> of(String address, String host, int port) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(host, port, address, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    List<Mail> mails = new ArrayList<>();
                    for (Message message : inbox.getMessages()) {
                        List<String> types = new ArrayList<>();
                        StringBuilder text = new StringBuilder();
                        leaves(message, types, text);
                        mails.add(new Mail(
                                header(message, "Message-ID"),
                                message.getSubject(),
                                header(message, "In-Reply-To"),
                                header(message, "References"),
                                header(message, "Reply-To"),
                                header(message, "Auto-Submitted"),
                                types,
                                text.toString()));
                    }
                    return mails;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void leaves(Part part, List<String> types, StringBuilder text)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves(multipart.getBodyPart(i), types, text);
            }
            return;
        }
        types.add(part.getContentType().split(";")[0].trim().toLowerCase());
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }
}
