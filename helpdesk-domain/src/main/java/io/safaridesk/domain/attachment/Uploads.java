package io.safaridesk.domain.attachment;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks an uploaded file and keeps its bytes in the workspace's part of the {@link FileStore}: at most
 * {@link AttachmentLimits#maxSize()}, not empty, not HTML, SVG, XML or an executable (judged by the bytes and the
 * extension), its content type sniffed from the bytes. The bytes are removed again if the caller's transaction rolls
 * back, so no file outlives the record that names it.
 */
@Component
@EnableConfigurationProperties(AttachmentLimits.class)
public class Uploads {

    private static final int MAX_FILENAME = 200;

    private final FileStore files;
    private final AttachmentLimits limits;

    Uploads(FileStore files, AttachmentLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    /** An uploaded file as the client sent it in part {@code field}. */
    public record Upload(String field, String filename, byte[] content) {}

    /** What was kept: the cleaned file name, the sniffed type, the size and where the bytes are. */
    public record Stored(String filename, String contentType, long sizeBytes, String storageKey) {}

    /** Refuses a file that is too large, empty or dangerous, before anything is stored or loaded. */
    public void check(Upload upload) {
        long max = limits.maxSize().toBytes();
        if (upload.content().length > max) {
            throw AttachmentRefused.tooLarge(upload.field(), upload.content().length, max);
        }
        if (upload.content().length == 0) {
            throw ApiProblem.invalidField(upload.field(), "is empty");
        }
        if (AttachmentType.dangerous(upload.content(), filename(upload.filename()))) {
            throw AttachmentRefused.dangerous(upload.field());
        }
    }

    /** Checks and stores the file under {@code folder}/{uuid}; inside a transaction, which deletes it on rollback. */
    public Stored store(Upload upload, String folder) {
        check(upload);
        String filename = filename(upload.filename());
        TenantSlug tenant = TenantContext.current();
        String key = folder + "/" + UUID.randomUUID();
        files.put(tenant, key, upload.content());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(tenant, key);
                }
            }
        });
        return new Stored(filename, AttachmentType.sniff(upload.content(), filename), upload.content().length, key);
    }

    /** The bytes kept under {@code storageKey} in the workspace in context, if they are still there. */
    public Optional<byte[]> read(String storageKey) {
        return files.get(TenantContext.current(), storageKey);
    }

    /** The name to keep: its last path segment, without control characters, at most {@value #MAX_FILENAME} chars. */
    public static String filename(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "attachment";
        }
        return name.length() <= MAX_FILENAME ? name : name.substring(name.length() - MAX_FILENAME);
    }

    /** A file that is too large, or of a type that could harm whoever opens it. */
    public static final class AttachmentRefused extends ApiProblem {
        private AttachmentRefused(HttpStatus status, String type, String field, String reason) {
            super(status, type, field + " " + reason, List.of(new FieldProblem(field, reason)));
        }

        static AttachmentRefused tooLarge(String field, long size, long max) {
            return new AttachmentRefused(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "attachment-too-large",
                    field,
                    "is " + size + " bytes; at most " + max + " are accepted");
        }

        static AttachmentRefused dangerous(String field) {
            return new AttachmentRefused(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "attachment-type-refused",
                    field,
                    "is HTML, SVG, XML or an executable, which are not accepted");
        }
    }
}
