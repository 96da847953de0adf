package io.safaridesk.worker.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * What an operator does with a concern's dead-letter queue: look at the messages (they stay), replay them (all, or one
 * by message id) into the work queue with a fresh attempt count, or purge them.
 */
public class DeadLetters {

    private final RabbitTemplate rabbit;
    private final MessagingProperties properties;

    public DeadLetters(RabbitTemplate rabbit, MessagingProperties properties) {
        this.rabbit = rabbit;
        this.properties = properties;
    }

    /** One dead message, as {@code dlq list} shows it. */
    public record DeadLetter(
            String messageId,
            String type,
            String workspace,
            int attempts,
            String error,
            String failedAt,
            String payload) {}

    /** Up to {@code limit} messages from the front of the queue; they stay in it. */
    public List<DeadLetter> list(Concern concern, int limit) {
        return rabbit.execute(channel -> {
            List<DeadLetter> letters = new ArrayList<>();
            long lastTag = -1;
            try {
                GetResponse response;
                while (letters.size() < limit
                        && (response = channel.basicGet(properties.deadLetterQueue(concern.name()), false)) != null) {
                    lastTag = response.getEnvelope().getDeliveryTag();
                    letters.add(letter(response));
                }
            } finally {
                if (lastTag >= 0) {
                    channel.basicNack(lastTag, true, true);
                }
            }
            return letters;
        });
    }

    /** Moves the messages ({@code messageId} null: all) back to the work queue; answers how many. */
    public int replay(Concern concern, String messageId) {
        Integer replayed = rabbit.execute(channel -> {
            int count = 0;
            List<Long> keep = new ArrayList<>();
            GetResponse response;
            String queue = properties.deadLetterQueue(concern.name());
            long limit = channel.messageCount(queue);
            for (long i = 0; i < limit && (response = channel.basicGet(queue, false)) != null; i++) {
                long tag = response.getEnvelope().getDeliveryTag();
                if (messageId != null && !messageId.equals(response.getProps().getMessageId())) {
                    keep.add(tag);
                    continue;
                }
                Republishing.move(channel, response, properties.queue(concern.name()), headers -> {
                    headers.remove(Deliveries.ATTEMPTS_HEADER);
                    headers.put("x-safaridesk-replayed", true);
                });
                count++;
            }
            for (long tag : keep) {
                channel.basicNack(tag, false, true);
            }
            return count;
        });
        return replayed == null ? 0 : replayed;
    }

    /** Deletes every message in the queue; answers how many. */
    public int purge(Concern concern) {
        Integer purged = rabbit.execute(channel ->
                channel.queuePurge(properties.deadLetterQueue(concern.name())).getMessageCount());
        return purged == null ? 0 : purged;
    }

    private static DeadLetter letter(GetResponse response) {
        AMQP.BasicProperties props = response.getProps();
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        Object attempts = headers.get(Deliveries.ATTEMPTS_HEADER);
        return new DeadLetter(
                props.getMessageId(),
                props.getType(),
                string(headers.get(EventMessage.TENANT_HEADER)),
                attempts == null ? 0 : Integer.parseInt(attempts.toString()),
                string(headers.get(Deliveries.ERROR_HEADER)),
                string(headers.get(Deliveries.FAILED_AT_HEADER)),
                new String(response.getBody(), StandardCharsets.UTF_8));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
