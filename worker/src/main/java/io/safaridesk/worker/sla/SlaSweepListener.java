package io.safaridesk.worker.sla;

import io.safaridesk.domain.sla.SlaSweeps;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sweeps the workspace a message names, inside that workspace's context; a workspace no longer active is skipped. A
 * sweep that fails is logged and dropped, not requeued: the next tick sends the workspace again, and whatever the
 * failed sweep had not claimed is still there to claim.
 */
@Component
@ConditionalOnProperty(name = "safaridesk.sla.sweep.enabled", havingValue = "true", matchIfMissing = true)
class SlaSweepListener {

    private static final Logger log = LoggerFactory.getLogger(SlaSweepListener.class);

    private final SlaSweeps sweeps;
    private final TenantDirectory directory;
    private final Clock clock;

    SlaSweepListener(SlaSweeps sweeps, TenantDirectory directory, Clock clock) {
        this.sweeps = sweeps;
        this.directory = directory;
        this.clock = clock;
    }

    @RabbitListener(queues = "${safaridesk.sla.sweep.queue:safaridesk.sla.sweeps}")
    void sweep(String slug) {
        TenantSlug workspace;
        try {
            workspace = TenantSlug.of(slug);
        } catch (IllegalArgumentException e) {
            log.warn("Dropping an SLA sweep message that names no workspace: {}", slug);
            return;
        }
        if (directory.findActive(workspace).isEmpty()) {
            log.info("Skipping the SLA sweep of {}: not an active workspace", slug);
            return;
        }
        try {
            SlaSweeps.Result result = TenantContext.callAs(workspace, () -> sweeps.sweep(clock.instant()));
            log.debug("SLA sweep of {}: {}", slug, result);
        } catch (RuntimeException e) {
            log.error("SLA sweep of {} failed; the next tick sweeps it again", slug, e);
        }
    }
}
