package io.safaridesk.helpdesk.testing;

import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.worker.outbox.OutboxRelay;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The worker's outbox relay, polling every 100 ms in this test JVM (the worker does not run here), so that events
 * written by the API reach RabbitMQ. Close it when the tests are done.
 */
public final class TestOutboxRelay implements AutoCloseable {

    private final CachingConnectionFactory connections;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    private TestOutboxRelay(DataSource dataSource) {
        connections =
                new CachingConnectionFactory(TestServices.endpoints().amqp().uri());
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        OutboxRelay relay = new OutboxRelay(dataSource, new RabbitTemplate(connections));
        poller.scheduleWithFixedDelay(relay::drain, 0, 100, TimeUnit.MILLISECONDS);
    }

    public static TestOutboxRelay start(DataSource dataSource) {
        return new TestOutboxRelay(dataSource);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        connections.destroy();
    }
}
