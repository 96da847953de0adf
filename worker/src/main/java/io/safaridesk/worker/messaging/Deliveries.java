package io.safaridesk.worker.messaging;

import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a consumer's handler on one delivery and decides what a failure means: the message is re-published to the
 * concern's retry queue for its attempt, stamped with the time it falls due ({@link RetryQueues} brings it back then),
 * and after {@code max-attempts}
 * failures, or at once when it is malformed, to the dead-letter queue with the error in a header. The delivery is
 * acknowledged only once the message is handled or safely re-published; if re-publishing fails the broker redelivers.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    /** How many times the message has failed so far. */
    public static final String ATTEMPTS_HEADER = "x-safaridesk-attempts";

    public static final String ERROR_HEADER = "x-safaridesk-error";
    public static final String FAILED_AT_HEADER = "x-safaridesk-failed-at";
    public static final String QUEUE_HEADER = "x-safaridesk-queue";

    /** When a message waiting in a retry queue falls due, in epoch milliseconds. */
    public static final String RETRY_AT_HEADER = "x-safaridesk-retry-at";

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate rabbit;
    private final MessagingProperties properties;
    private final JsonMapper json;

    Deliveries(RabbitTemplate rabbit, MessagingProperties properties, JsonMapper json) {
        this.rabbit = rabbit;
        this.properties = properties;
        this.json = json;
    }

    public void handle(Message message, Concern concern, Consumer<EventMessage> handler) {
        EventMessage event;
        try {
            event = EventMessage.of(message, json);
        } catch (EventMessage.Malformed malformed) {
            deadLetter(message, concern, malformed);
            return;
        }
        try {
            handler.accept(event);
        } catch (RuntimeException failure) {
            int attempts = attempts(message) + 1;
            if (attempts >= properties.maxAttempts()) {
                deadLetter(message, concern, failure);
            } else {
                log.warn(
                        "{} {} failed (attempt {} of {}), retrying: {}",
                        event.type(),
                        event.messageId(),
                        attempts,
                        properties.maxAttempts(),
                        failure.toString());
                publishConfirmed(
                        properties.retryQueue(concern.name(), attempts),
                        copy(message, attempts, failure)
                                .setHeader(
                                        RETRY_AT_HEADER,
                                        Instant.now()
                                                .plus(properties.retryDelay(attempts))
                                                .toEpochMilli())
                                .build());
            }
        }
    }

    private void deadLetter(Message message, Concern concern, RuntimeException failure) {
        log.error(
                "Message {} goes to the dead-letter queue of {}",
                message.getMessageProperties().getMessageId(),
                concern.name(),
                failure);
        publishConfirmed(
                properties.deadLetterQueue(concern.name()),
                copy(message, attempts(message) + 1, failure)
                        .setHeader(QUEUE_HEADER, properties.queue(concern.name()))
                        .setHeader(FAILED_AT_HEADER, Instant.now().toString())
                        .build());
    }

    /** Publishes to a queue and waits for the broker's confirm, so the delivery is acknowledged only once it is safe. */
    private void publishConfirmed(String queue, Message message) {
        rabbit.invoke(operations -> {
            operations.send("", queue, message);
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }

    private static MessageBuilderSupport<Message> copy(Message message, int attempts, RuntimeException failure) {
        String error = String.valueOf(failure.getMessage());
        return MessageBuilder.fromClonedMessage(message)
                .setHeader(ATTEMPTS_HEADER, attempts)
                .setHeader(ERROR_HEADER, error.length() > 500 ? error.substring(0, 500) : error);
    }

    static int attempts(Message message) {
        Object attempts = message.getMessageProperties().getHeader(ATTEMPTS_HEADER);
        return attempts == null ? 0 : Integer.parseInt(attempts.toString());
    }
}
