package io.safaridesk.worker.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code safaridesk.queue.messages}: how many messages wait in each concern's work queue and dead-letter queue, read
 * from the broker every {@code safaridesk.messaging.depth-interval} (not on scrape: a broker that is down must not
 * stall Prometheus). While the broker cannot be asked the last value stays. The autoscaler of the worker and the
 * "dead-letter queue not empty" alert read these.
 */
@Component
class QueueDepths {

    private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

    private final AmqpAdmin admin;
    private final MessagingProperties properties;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    QueueDepths(AmqpAdmin admin, MessagingProperties properties, MeterRegistry meters) {
        this.admin = admin;
        this.properties = properties;
        for (Concern concern : Concern.ALL) {
            register(meters, concern, "work", properties.queue(concern.name()));
            register(meters, concern, "dead_letter", properties.deadLetterQueue(concern.name()));
        }
    }

    private void register(MeterRegistry meters, Concern concern, String kind, String queue) {
        AtomicLong depth = depths.computeIfAbsent(queue, name -> new AtomicLong());
        Gauge.builder("safaridesk.queue.messages", depth, AtomicLong::get)
                .description("Messages ready in the queue")
                .tag("concern", concern.name())
                .tag("queue", kind)
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${safaridesk.messaging.depth-interval:15s}", initialDelay = 0)
    void refresh() {
        depths.forEach((queue, depth) -> {
            try {
                Properties info = admin.getQueueProperties(queue);
                if (info != null) {
                    depth.set(((Number) info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue());
                }
            } catch (AmqpException unreachable) {
                log.debug("Depth of {} unknown: {}", queue, unreachable.getMessage());
            }
        });
    }
}
