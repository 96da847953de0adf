package io.safaridesk.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.worker.testing.WorkerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application-side retry delays, on whatever broker the tests run against (RabbitMQ in CI, the embedded Qpid for a
 * newcomer): a message comes back to its work queue only once its delay has passed, in the order it failed, with its
 * attempt count kept. Runs on scratch queues of its own, so the worker's consumers stay out of it.
 */
@WorkerIntegrationTest
class RetryQueuesIntegrationTests {

    @Autowired
    RetryQueues retryQueues;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    private final String retryQueue = "safaridesk.worker-test.scratch-" + UUID.randomUUID() + ".retry-in.60000ms";
    private final String workQueue = "safaridesk.worker-test.scratch-" + UUID.randomUUID();

    @BeforeEach
    void declareScratchQueues() {
        admin.declareQueue(new Queue(retryQueue, false, false, false));
        admin.declareQueue(new Queue(workQueue, false, false, false));
    }

    @AfterEach
    void deleteScratchQueues() {
        admin.deleteQueue(retryQueue);
        admin.deleteQueue(workQueue);
    }

    @Test
    void releasesOnlyTheMessagesWhoseDelayHasPassedInTheOrderTheyFailed() {
        Instant now = Instant.now();
        waitInRetryQueue("first", now.minusSeconds(2));
        waitInRetryQueue("second", now.minusSeconds(1));
        waitInRetryQueue("not yet", now.plus(Duration.ofMinutes(1)));

        assertThat(retryQueues.release(retryQueue, workQueue)).isEqualTo(2);
        assertThat(retryQueues.release(retryQueue, workQueue))
                .as("the message not due stays at the front of its retry queue")
                .isZero();

        List<Message> released = drain(workQueue);
        assertThat(released)
                .extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                .containsExactly("first", "second");
        assertThat(released).allSatisfy(m -> {
            assertThat(Deliveries.attempts(m)).isEqualTo(2);
            assertThat(m.getMessageProperties().<Object>getHeader(Deliveries.RETRY_AT_HEADER))
                    .isNull();
        });
        assertThat(drain(retryQueue))
                .extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                .containsExactly("not yet");
    }

    private void waitInRetryQueue(String body, Instant due) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setHeader(Deliveries.ATTEMPTS_HEADER, 2);
        properties.setHeader(Deliveries.RETRY_AT_HEADER, due.toEpochMilli());
        rabbit.send("", retryQueue, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    private List<Message> drain(String queue) {
        List<Message> messages = new ArrayList<>();
        for (Message m = rabbit.receive(queue); m != null; m = rabbit.receive(queue)) {
            messages.add(m);
        }
        return messages;
    }
}
