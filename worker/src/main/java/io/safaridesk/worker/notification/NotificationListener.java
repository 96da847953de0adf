package io.safaridesk.worker.notification;

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
 * Consumes the notifications queue: each event is handled in its workspace; an event of a workspace that no longer
 * has a schema here (deprovisioned, or another deployment's) is dropped with a warning.
 */
@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final Deliveries deliveries;
    private final TicketNotifications notifications;
    private final TenantSchemas schemas;

    NotificationListener(Deliveries deliveries, TicketNotifications notifications, TenantSchemas schemas) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.schemas = schemas;
    }

    @RabbitListener(
            id = "notifications",
            queues = "${safaridesk.messaging.queue-prefix:safaridesk.worker}.notifications",
            autoStartup = "${safaridesk.messaging.listeners-enabled:true}")
    void onMessage(Message message) {
        deliveries.handle(message, Concern.NOTIFICATIONS, event -> {
            if (!schemas.exists(event.workspace())) {
                log.warn("Dropping {} {}: no workspace {}", event.type(), event.messageId(), event.workspace());
                return;
            }
            TenantContext.runAs(event.workspace(), () -> {
                notifications.handle(event);
                log.debug("Handled {} {}", event.type(), event.messageId());
            });
        });
    }
}
