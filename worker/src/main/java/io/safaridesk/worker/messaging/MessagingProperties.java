package io.safaridesk.worker.messaging;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's queues: names start with {@code queuePrefix}; a failed message waits in retry queue 1, 2, ... (the
 * delays, growing) and goes to the dead-letter queue after {@code maxAttempts} tries. The worker looks for retries that
 * are due every {@code retryPollInterval}. {@code queueExpires}, when set, lets RabbitMQ delete queues unused that long
 * (for tests and scratch environments).
 */
@ConfigurationProperties("safaridesk.messaging")
public record MessagingProperties(
        @DefaultValue("safaridesk.worker") String queuePrefix,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue({"1s", "5s", "30s", "2m"}) List<Duration> retryDelays,
        @DefaultValue("500ms") Duration retryPollInterval,
        Duration queueExpires) {

    public MessagingProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("safaridesk.messaging.max-attempts must be at least 1");
        }
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("safaridesk.messaging.retry-delays needs at least one delay");
        }
        if (retryPollInterval.isNegative() || retryPollInterval.isZero()) {
            throw new IllegalArgumentException("safaridesk.messaging.retry-poll-interval must be positive");
        }
    }

    /** The work queue of a concern ({@code notifications}). */
    public String queue(String concern) {
        return queuePrefix + "." + concern;
    }

    /**
     * The retry queue a message waits in after its {@code attempt}-th failure (1-based; the last delay repeats). Its
     * name carries its delay ({@code .retry-in.5000ms}), so each delay has a queue of its own whose messages fall due in
     * the order they arrived. (Earlier releases named them {@code .retry.5000ms} and had RabbitMQ expire their messages
     * back through dead-letter arguments; a new name keeps the two kinds apart on one broker.)
     */
    public String retryQueue(String concern, int attempt) {
        return queue(concern) + ".retry-in." + retryDelay(attempt).toMillis() + "ms";
    }

    /** Every retry queue of a concern, once each (delays may repeat). */
    public List<String> retryQueues(String concern) {
        return IntStream.rangeClosed(1, retryDelays.size())
                .mapToObj(attempt -> retryQueue(concern, attempt))
                .distinct()
                .toList();
    }

    public Duration retryDelay(int attempt) {
        return retryDelays.get(Math.min(attempt, retryDelays.size()) - 1);
    }

    public String deadLetterQueue(String concern) {
        return queue(concern) + ".dlq";
    }
}
