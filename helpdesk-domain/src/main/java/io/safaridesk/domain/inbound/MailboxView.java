package io.safaridesk.domain.inbound;

import java.time.Instant;

/** A mailbox as admins see it: never the password, only whether one is stored; where reading stands. */
public record MailboxView(
        long id,
        String name,
        String address,
        String host,
        int port,
        boolean tls,
        String username,
        boolean passwordSet,
        String folder,
        boolean enabled,
        Long uidValidity,
        long lastUid,
        Instant lastPolledAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
