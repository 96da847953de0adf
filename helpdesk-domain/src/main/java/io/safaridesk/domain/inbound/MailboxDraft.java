package io.safaridesk.domain.inbound;

import java.util.Locale;

/**
 * A mailbox as an admin describes it.
 *
 * @param address the address customers write to (its mail arrives in this IMAP folder)
 * @param password null keeps the stored one (required for a new mailbox)
 * @param version when given, must be the stored mailbox's (optimistic locking)
 */
public record MailboxDraft(
        String name,
        String address,
        String host,
        int port,
        boolean tls,
        String username,
        String password,
        String folder,
        boolean enabled,
        Integer version) {

    public MailboxDraft {
        name = name.strip();
        address = address.strip().toLowerCase(Locale.ROOT);
        host = host.strip();
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
    }

    @Override
    public String toString() {
        return "MailboxDraft[" + address + " via " + username + "@" + host + ":" + port + "]";
    }
}
