package io.safaridesk.worker.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inbound mail: whether this worker reads mailboxes, how often it looks for new or changed mailboxes, how it waits for
 * new mail (IMAP IDLE where the server offers it, re-issued every {@code maxIdle}; else a poll every
 * {@code pollInterval}), how long held mail waits in a workspace's review queue, and the platform's catch-all mailbox
 * (off while its host is unset).
 */
@ConfigurationProperties("safaridesk.inbound")
record InboundProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("true") boolean idle,
        @DefaultValue("5m") Duration maxIdle,
        @DefaultValue("30d") Duration reviewRetention,
        @DefaultValue CatchAll catchAll) {

    /** The platform's catch-all mailbox: mail to {@code <address local part>+<token>@domain}, routed by the token. */
    record CatchAll(
            String host,
            @DefaultValue("993") int port,
            @DefaultValue("true") boolean tls,
            String username,
            String password,
            @DefaultValue("INBOX") String folder,
            String address) {

        boolean configured() {
            return host != null && !host.isBlank() && username != null && !username.isBlank();
        }
    }

    /** How long a reader's lease on a mailbox lasts: past its longest wait, so it renews it in time. */
    Duration lease() {
        Duration longest = pollInterval.compareTo(maxIdle) > 0 ? pollInterval : maxIdle;
        return longest.multipliedBy(2).plus(refreshInterval);
    }
}
