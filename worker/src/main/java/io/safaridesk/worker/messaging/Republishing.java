package io.safaridesk.worker.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Moves one fetched message to another queue through the default exchange: publish, wait for the broker's confirm,
 * then acknowledge the original. A crash in between leaves a copy in both queues, never in neither; the consumers'
 * dedup by message id makes the copy harmless.
 */
final class Republishing {

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private Republishing() {}

    static void move(Channel channel, GetResponse response, String queue, Consumer<Map<String, Object>> headerChanges)
            throws IOException, InterruptedException, TimeoutException {
        AMQP.BasicProperties props = response.getProps();
        Map<String, Object> headers = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
        headerChanges.accept(headers);
        channel.confirmSelect();
        channel.basicPublish("", queue, props.builder().headers(headers).build(), response.getBody());
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
    }
}
