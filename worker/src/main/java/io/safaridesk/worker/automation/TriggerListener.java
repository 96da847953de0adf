package io.safaridesk.worker.automation;

import io.safaridesk.domain.automation.AutomationRuns;
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
 * Consumes the automation queue: each ticket or SLA event runs the workspace's triggers listening to it. A redelivered
 * event is harmless: a trigger acts at most once per ticket and event chain (its firing row is the key).
 */
@Component
class TriggerListener {

    private static final Logger log = LoggerFactory.getLogger(TriggerListener.class);

    private final Deliveries deliveries;
    private final AutomationRuns runs;
    private final TenantSchemas schemas;

    TriggerListener(Deliveries deliveries, AutomationRuns runs, TenantSchemas schemas) {
        this.deliveries = deliveries;
        this.runs = runs;
        this.schemas = schemas;
    }

    @RabbitListener(
            id = "automation",
            queues = "${safaridesk.messaging.queue-prefix:safaridesk.worker}.automation",
            autoStartup = "${safaridesk.messaging.listeners-enabled:true}")
    void onMessage(Message message) {
        deliveries.handle(message, Concern.AUTOMATION, event -> {
            if (!schemas.exists(event.workspace())) {
                log.warn("Dropping {} {}: no workspace {}", event.type(), event.messageId(), event.workspace());
                return;
            }
            TenantContext.callAs(
                    event.workspace(), () -> runs.onEvent(event.messageId(), event.type(), event.payload()));
        });
    }
}
