package io.safaridesk.worker.inbound;

import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The original MIME of the mail a workspace took in, kept in its file store as {@code inbound/<date>/<uuid>.eml}. */
@Component
class RawMails {

    private final FileStore files;
    private final Clock clock;

    RawMails(FileStore files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /** Keeps the mail; answers its storage key. */
    String keep(TenantSlug workspace, byte[] raw) {
        String key =
                "inbound/" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "/" + UUID.randomUUID() + ".eml";
        files.put(workspace, key, raw);
        return key;
    }

    Optional<byte[]> read(TenantSlug workspace, String key) {
        return files.get(workspace, key);
    }
}
