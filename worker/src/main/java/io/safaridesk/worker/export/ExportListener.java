package io.safaridesk.worker.export;

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
 * Consumes the exports queue ({@code export.requested}): each export is written in its workspace. Idempotent by the
 * export's state: only a queued export is claimed, so a redelivered request does nothing.
 */
@Component
class ExportListener {

    private static final Logger log = LoggerFactory.getLogger(ExportListener.class);

    private final Deliveries deliveries;
    private final ExportJob job;
    private final TenantSchemas schemas;

    ExportListener(Deliveries deliveries, ExportJob job, TenantSchemas schemas) {
        this.deliveries = deliveries;
        this.job = job;
        this.schemas = schemas;
    }

    @RabbitListener(
            id = "exports",
            queues = "${safaridesk.messaging.queue-prefix:safaridesk.worker}.exports",
            concurrency = "${safaridesk.exports.consumers:1}",
            autoStartup = "${safaridesk.messaging.listeners-enabled:true}")
    void onMessage(Message message) {
        deliveries.handle(message, Concern.EXPORTS, event -> {
            if (!schemas.exists(event.workspace())) {
                log.warn("Dropping {} {}: no workspace {}", event.type(), event.messageId(), event.workspace());
                return;
            }
            long exportId = event.payload().path("export_id").asLong();
            TenantContext.runAs(event.workspace(), () -> job.run(exportId));
        });
    }
}
