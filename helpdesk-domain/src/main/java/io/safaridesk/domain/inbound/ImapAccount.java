package io.safaridesk.domain.inbound;

/**
 * An IMAP mailbox to read, with its password in the clear (in memory only; stored sealed).
 *
 * @param tls true for IMAPS (implicit TLS), false for plain IMAP upgraded with STARTTLS where the server offers it
 */
public record ImapAccount(String host, int port, boolean tls, String username, String password, String folder) {

    public ImapAccount {
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    }

    @Override
    public String toString() {
        return "ImapAccount[" + username + "@" + host + ":" + port + "/" + folder + "]";
    }
}
