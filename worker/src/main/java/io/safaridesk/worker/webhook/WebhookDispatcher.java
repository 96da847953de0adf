package io.safaridesk.worker.webhook;

import io.safaridesk.domain.webhook.WebhookProperties;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a workspace's due webhook messages: claims a batch under a lease (short transaction), sends each without
 * holding a transaction, then records the attempt; a delivery that failed for good disables its subscription and
 * mails the workspace's admins. At least once: a worker that dies between sending and recording sends again when the
 * lease ends, under the same webhook-id.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Webhooks webhooks;
    private final WebhookSender sender;
    private final WebhookAdminMail adminMail;
    private final WebhookProperties properties;
    private final TransactionTemplate transaction;

    WebhookDispatcher(
            Webhooks webhooks,
            WebhookSender sender,
            WebhookAdminMail adminMail,
            WebhookProperties properties,
            TransactionTemplate transaction) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.adminMail = adminMail;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** Attempts one batch of the workspace's due deliveries; answers how many were attempted. */
    public int deliverDue(TenantSlug workspace) {
        Duration lease = properties
                .responseTimeout()
                .plus(properties.connectTimeout())
                .multipliedBy(2)
                .plusSeconds(30);
        List<Webhooks.Due> due = TenantContext.callAs(
                workspace, () -> transaction.execute(status -> webhooks.claimDue(properties.batchSize(), lease)));
        for (Webhooks.Due delivery : due) {
            Webhooks.Attempt attempt = sender.send(delivery);
            if (!attempt.succeeded()) {
                log.warn(
                        "Webhook {} of {} to {} failed: {}",
                        delivery.messageId(),
                        workspace.value(),
                        delivery.url(),
                        attempt.status() == null ? attempt.error() : "HTTP " + attempt.status());
            }
            TenantContext.runAs(
                    workspace,
                    () -> transaction.executeWithoutResult(status ->
                            webhooks.record(delivery.deliveryId(), attempt).ifPresent(adminMail::disabled)));
        }
        return due.size();
    }

    /** Delivers until nothing is due in the workspace; answers how many attempts were made. */
    public int drain(TenantSlug workspace) {
        int total = 0;
        int batch;
        do {
            batch = deliverDue(workspace);
            total += batch;
        } while (batch > 0);
        return total;
    }
}
