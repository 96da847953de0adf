package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.InboundReviews;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what waited in a workspace's review queue longer than {@code safaridesk.inbound.review-retention}, every
 * hour, in every active workspace (the original stays in the inbound log), and the platform catch-all's unroutable mail
 * after the same period: the operators' queue keeps mail as long as the admins' does. Replicas may run it at once: a
 * delete by age is the same done twice.
 */
@Component
class ReviewRetention {

    private static final Logger log = LoggerFactory.getLogger(ReviewRetention.class);

    private final TenantDirectory directory;
    private final TenantSchemas schemas;
    private final InboundReviews reviews;
    private final UnroutableMails unroutable;
    private final InboundProperties properties;
    private final Clock clock;

    ReviewRetention(
            TenantDirectory directory,
            TenantSchemas schemas,
            InboundReviews reviews,
            UnroutableMails unroutable,
            InboundProperties properties,
            Clock clock) {
        this.directory = directory;
        this.schemas = schemas;
        this.reviews = reviews;
        this.unroutable = unroutable;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safaridesk.inbound.review-purge-interval:1h}", initialDelayString = "1m")
    void purge() {
        try {
            unroutable.purgeBefore(clock.instant().minus(properties.reviewRetention()));
        } catch (RuntimeException e) {
            log.warn("Could not purge the catch-all's unroutable mail: {}", e.toString());
        }
        for (TenantSlug workspace : directory.activeSlugs()) {
            try {
                if (schemas.exists(workspace)) {
                    purge(workspace);
                }
            } catch (RuntimeException e) {
                log.warn("Could not purge the review queue of {}: {}", workspace.value(), e.toString());
            }
        }
    }

    /** Deletes the workspace's held mail older than the retention period; answers how many. */
    int purge(TenantSlug workspace) {
        return TenantContext.callAs(
                workspace, () -> reviews.purgeBefore(clock.instant().minus(properties.reviewRetention())));
    }
}
