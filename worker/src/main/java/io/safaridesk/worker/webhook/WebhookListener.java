package io.safaridesk.worker.webhook;

import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.worker.messaging.Concern;
import io.safaridesk.worker.messaging.Deliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the webhooks queue: each event becomes deliveries in its workspace (committed before anything is sent, so
 * a failing receiver never makes the event retry), which are then attempted at once; retries are the sweep's.
 */
@Component
class WebhookListener {

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);

    private final Deliveries deliveries;
    private final WebhookFanOut fanOut;
    private final WebhookDispatcher dispatcher;
    private final TenantSchemas schemas;

    WebhookListener(Deliveries deliveries, WebhookFanOut fanOut, WebhookDispatcher dispatcher, TenantSchemas schemas) {
        this.deliveries = deliveries;
        this.fanOut = fanOut;
        this.dispatcher = dispatcher;
        this.schemas = schemas;
    }

    @RabbitListener(
            id = "webhooks",
            queues = "${safaridesk.messaging.queue-prefix:safaridesk.worker}.webhooks",
            autoStartup = "${safaridesk.messaging.listeners-enabled:true}")
    void onMessage(Message message) {
        deliveries.handle(message, Concern.WEBHOOKS, event -> {
            if (!schemas.exists(event.workspace())) {
                log.warn("Dropping {} {}: no workspace {}", event.type(), event.messageId(), event.workspace());
                return;
            }
            int added = TenantContext.callAs(event.workspace(), () -> fanOut.handle(event));
            if (added > 0) {
                dispatcher.deliverDue(event.workspace());
            }
        });
    }
}
