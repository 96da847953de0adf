package io.safaridesk.platform.testing;

import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Reads a test mailbox over IMAP from the test services' mail server (any password opens any mailbox). */
public final class Mailbox {

    private Mailbox() {}

    /** Waits for a message to {@code address} whose subject matches, and returns its subject. */
    public static String awaitSubject(String address, Predicate<String> subject) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> subjects(address).stream().filter(subject).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for a message to {@code address} whose subject matches, and returns the text of the newest such one. */
    public static String awaitText(String address, Predicate<String> subject) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> newestText(address, subject), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> newestText(String address, Predicate<String> subject) throws Exception {
        return inbox(address, messages -> {
            for (int i = messages.length - 1; i >= 0; i--) {
                if (subject.test(subject(messages[i]))) {
                    return Optional.of(text(messages[i]));
                }
            }
            return Optional.empty();
        });
    }

    /** The message's text: its text/plain part if it has one, else its first text part of any kind. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String any = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null && child.isMimeType("text/plain")) {
                    return text;
                }
                if (any == null) {
                    any = text;
                }
            }
            return any;
        }
        return null;
    }

    public static List<String> subjects(String address) throws Exception {
        return inbox(
                address,
                messages -> Arrays.stream(messages).map(Mailbox::subject).toList());
    }

    /** What one read-only IMAP session with the address's inbox finds in its messages. */
    private interface InboxReader<T> {
        T read(Message[] messages) throws MessagingException, IOException;
    }

    private static <T> T inbox(String address, InboxReader<T> reader) throws MessagingException, IOException {
        ServiceEndpoints.Mail mail = TestServices.endpoints().mail();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(mail.imapHost(), mail.imapPort(), address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return reader.read(inbox.getMessages());
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
