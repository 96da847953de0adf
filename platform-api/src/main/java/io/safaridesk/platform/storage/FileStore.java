package io.safaridesk.platform.storage;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where uploaded files live. Every file belongs to one workspace: two workspaces never share a path, whatever key they
 * use.
 */
public interface FileStore {

    /** Keys are relative paths of lower-case letters, digits, dots, dashes and underscores, e.g. {@code avatars/x}. */
    Pattern KEY = Pattern.compile("^[a-z0-9_-][a-z0-9._-]{0,99}(/[a-z0-9_-][a-z0-9._-]{0,99}){0,4}$");

    default void put(TenantSlug tenant, String key, byte[] content) {
        put(tenant, key, new ByteArrayInputStream(content));
    }

    /**
     * Stores what {@code content} yields, streamed: a file of any size passes through a small buffer, never whole
     * into memory. The stored file replaces an older one under the key only once it is complete. The caller closes
     * {@code content}.
     */
    void put(TenantSlug tenant, String key, InputStream content);

    Optional<byte[]> get(TenantSlug tenant, String key);

    /** The stored file as a stream to read it piece by piece (the caller closes it); empty when there is none. */
    Optional<InputStream> open(TenantSlug tenant, String key);

    void delete(TenantSlug tenant, String key);

    static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return key;
    }
}
