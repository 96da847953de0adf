package io.safaridesk.platform.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Values of the workspace in context that nearly every request reads and admins rarely change (statuses, settings,
 * who a caller is), read through on a miss. Made by {@link WorkspaceCaches}: an entry lives at most the configured
 * staleness, so a change made by another instance is seen within it; a change committed by this instance through
 * Hibernate to one of the cache's source entities evicts the workspace's entries at once.
 *
 * <p>Values are shared between threads and requests: they must not be changed by their readers.
 */
public final class WorkspaceCache<K, V> {

    private record Key<K>(String schema, K key) {}

    private final Cache<Key<K>, V> entries;

    WorkspaceCache(Duration staleness, int maximumSize) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(staleness)
                .maximumSize(maximumSize)
                .build();
    }

    /** The value for {@code key} in the workspace in context, loaded by {@code load} (in that workspace) on a miss. */
    public V get(K key, Supplier<? extends V> load) {
        return entries.get(new Key<>(TenantContext.current().schemaName(), key), k -> load.get());
    }

    /** Forgets every entry of the workspace whose schema is {@code schema}. */
    void evict(String schema) {
        entries.asMap().keySet().removeIf(key -> key.schema().equals(schema));
    }
}
