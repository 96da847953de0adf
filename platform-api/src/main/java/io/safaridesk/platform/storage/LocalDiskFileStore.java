package io.safaridesk.platform.storage;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Files on a local disk under {@code <root>/<workspace slug>/<key>}. */
final class LocalDiskFileStore implements FileStore {

    private final Path root;

    LocalDiskFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(TenantSlug tenant, String key, InputStream content) {
        Path target = resolve(tenant, key);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Could not store " + key, e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // the upload failed already; a stray temporary file does not change that
        }
    }

    @Override
    public Optional<byte[]> get(TenantSlug tenant, String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(tenant, key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + key, e);
        }
    }

    @Override
    public Optional<InputStream> open(TenantSlug tenant, String key) {
        try {
            return Optional.of(Files.newInputStream(resolve(tenant, key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + key, e);
        }
    }

    @Override
    public void delete(TenantSlug tenant, String key) {
        try {
            Files.deleteIfExists(resolve(tenant, key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + key, e);
        }
    }

    Path resolve(TenantSlug tenant, String key) {
        Path folder = root.resolve(tenant.value());
        Path path = folder.resolve(FileStore.requireKey(key)).normalize();
        if (!path.startsWith(folder)) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return path;
    }
}
