package io.safaridesk.platform.tenancy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes {@link WorkspaceCache}s and keeps them honest: after Hibernate commits (or fails to commit) an insert, update
 * or delete of an entity, every cache fed by that entity's type forgets the workspace of the change. Changes this instance cannot see
 * (another instance's, plain SQL) show once an entry expires, after {@code safaridesk.cache.staleness}.
 */
@Component
public class WorkspaceCaches {

    private final Duration staleness;
    private final Map<Class<?>, List<WorkspaceCache<?, ?>>> bySource = new ConcurrentHashMap<>();

    WorkspaceCaches(
            EntityManagerFactory entityManagerFactory, @Value("${safaridesk.cache.staleness:2s}") Duration staleness) {
        this.staleness = staleness;
        EvictOnCommit evict = new EvictOnCommit();
        EventListenerRegistry listeners = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_COMMIT_INSERT, evict);
        listeners.appendListeners(EventType.POST_COMMIT_UPDATE, evict);
        listeners.appendListeners(EventType.POST_COMMIT_DELETE, evict);
    }

    /** A cache of at most {@code maximumSize} entries, evicted when one of the {@code sources} entity types changes. */
    public <K, V> WorkspaceCache<K, V> create(int maximumSize, Class<?>... sources) {
        WorkspaceCache<K, V> cache = new WorkspaceCache<>(staleness, maximumSize);
        for (Class<?> source : Set.of(sources)) {
            bySource.computeIfAbsent(source, s -> new CopyOnWriteArrayList<>()).add(cache);
        }
        return cache;
    }

    private void changed(Object entity, Object tenant) {
        if (tenant instanceof String schema) {
            bySource.getOrDefault(entity.getClass(), List.of()).forEach(cache -> cache.evict(schema));
        }
    }

    private final class EvictOnCommit
            implements PostCommitInsertEventListener, PostCommitUpdateEventListener, PostCommitDeleteEventListener {

        @Override
        public void onPostInsert(PostInsertEvent event) {
            changed(event.getEntity(), event.getSession().getTenantIdentifierValue());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            changed(event.getEntity(), event.getSession().getTenantIdentifierValue());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            changed(event.getEntity(), event.getSession().getTenantIdentifierValue());
        }

        @Override
        public void onPostInsertCommitFailed(PostInsertEvent event) {
            changed(event.getEntity(), event.getSession().getTenantIdentifierValue());
        }

        @Override
        public void onPostUpdateCommitFailed(PostUpdateEvent event) {
            changed(event.getEntity(), event.getSession().getTenantIdentifierValue());
        }

        @Override
        public void onPostDeleteCommitFailed(PostDeleteEvent event) {
            changed(event.getEntity(), event.getSession().getTenantIdentifierValue());
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return bySource.containsKey(persister.getMappedClass());
        }
    }
}
