package io.safaridesk.worker.messaging;

import com.rabbitmq.client.GetResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings failed messages back from the retry queues once their delay has passed, from the application rather than
 * through broker-side message TTLs and dead-letter exchanges (which RabbitMQ has and other AMQP 0-9-1 brokers lack).
 * Every {@code retry-poll-interval} it takes messages from the front of each retry queue: a due one is re-published to
 * its work queue (confirmed, then acknowledged); the first one not yet due goes back to the front and ends that
 * queue's turn, since one queue holds one delay and its messages fall due in the order they came. Several worker
 * replicas may do this at once: the broker hands each message to one of them.
 */
@Component
class RetryQueues {

    private static final Logger log = LoggerFactory.getLogger(RetryQueues.class);

    private final RabbitTemplate rabbit;
    private final MessagingProperties properties;

    RetryQueues(RabbitTemplate rabbit, MessagingProperties properties) {
        this.rabbit = rabbit;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${safaridesk.messaging.retry-poll-interval:500ms}")
    void releaseDue() {
        for (Concern concern : Concern.ALL) {
            for (String retryQueue : properties.retryQueues(concern.name())) {
                try {
                    int released = release(retryQueue, properties.queue(concern.name()));
                    if (released > 0) {
                        log.debug("{} message(s) due again from {}", released, retryQueue);
                    }
                } catch (RuntimeException e) {
                    // the broker is away or the queue not declared yet: the messages wait for the next turn
                    log.warn("Could not release due retries from {}: {}", retryQueue, e.toString());
                }
            }
        }
    }

    /** Moves the due messages at the front of {@code retryQueue} to {@code workQueue}; answers how many. */
    int release(String retryQueue, String workQueue) {
        Integer released = rabbit.execute(channel -> {
            int count = 0;
            GetResponse response;
            while ((response = channel.basicGet(retryQueue, false)) != null) {
                if (!isDue(response)) {
                    channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                    break;
                }
                Republishing.move(channel, response, workQueue, headers -> headers.remove(Deliveries.RETRY_AT_HEADER));
                count++;
            }
            return count;
        });
        return released == null ? 0 : released;
    }

    private static boolean isDue(GetResponse response) {
        Map<String, Object> headers = response.getProps().getHeaders();
        Object retryAt = headers == null ? null : headers.get(Deliveries.RETRY_AT_HEADER);
        return retryAt == null || Long.parseLong(retryAt.toString()) <= System.currentTimeMillis();
    }
}
