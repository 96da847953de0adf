package io.safaridesk.worker.outbox;

import io.safaridesk.platform.observability.TraceCarrier;
import javax.sql.DataSource;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox relay every {@code safaridesk.outbox.poll-interval} unless {@code relay-enabled} is false. */
@Configuration
@EnableScheduling
class OutboxRelayScheduling {

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, RabbitTemplate rabbit, TraceCarrier traces) {
        return new OutboxRelay(dataSource, rabbit, traces);
    }

    @Component
    @ConditionalOnProperty(name = "safaridesk.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    static class Poller {

        private final OutboxRelay relay;

        Poller(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${safaridesk.outbox.poll-interval:500ms}")
        void relay() {
            relay.drain();
        }
    }
}
