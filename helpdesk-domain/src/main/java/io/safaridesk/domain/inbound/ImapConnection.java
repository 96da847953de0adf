package io.safaridesk.domain.inbound;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/** Opens IMAP connections with Jakarta Mail (Angus), with timeouts so a silent server never hangs a reader. */
public final class ImapConnection {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ImapConnection() {}

    /** What a connection test found. */
    public record Probe(boolean ok, Integer messages, boolean idle, String error) {}

    /** A connected store; the caller closes it. */
    public static IMAPStore connect(ImapAccount account) throws MessagingException {
        String protocol = account.tls() ? "imaps" : "imap";
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "timeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "partialfetch", "false");
        if (!account.tls()) {
            properties.put(prefix + "starttls.enable", "true");
        }
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(account.host(), account.port(), account.username(), account.password());
        return (IMAPStore) store;
    }

    /** Logs in, opens the folder read-only and answers what it holds and whether the server offers IDLE. */
    public static Probe probe(ImapAccount account) {
        try (IMAPStore store = connect(account)) {
            Folder folder = store.getFolder(account.folder());
            if (!folder.exists()) {
                return new Probe(false, null, false, "No folder " + account.folder());
            }
            folder.open(Folder.READ_ONLY);
            try {
                return new Probe(true, folder.getMessageCount(), store.hasCapability("IDLE"), null);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            return new Probe(false, null, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
