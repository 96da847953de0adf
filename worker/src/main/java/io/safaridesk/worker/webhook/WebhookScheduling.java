package io.safaridesk.worker.webhook;

import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every interval, attempts the due (retried or redelivered) webhook messages of every active workspace; replicas may
 * sweep at once, as deliveries are claimed under a lease.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "safaridesk.webhooks.sweep-enabled", havingValue = "true", matchIfMissing = true)
class WebhookScheduling {

    private static final Logger log = LoggerFactory.getLogger(WebhookScheduling.class);

    private final TenantDirectory directory;
    private final WebhookDispatcher dispatcher;

    WebhookScheduling(TenantDirectory directory, WebhookDispatcher dispatcher) {
        this.directory = directory;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${safaridesk.webhooks.sweep-interval:PT5S}")
    void sweep() {
        for (TenantSlug workspace : directory.activeSlugs()) {
            try {
                dispatcher.deliverDue(workspace);
            } catch (RuntimeException e) {
                log.error("Webhook sweep of {} failed", workspace.value(), e);
            }
        }
    }
}
