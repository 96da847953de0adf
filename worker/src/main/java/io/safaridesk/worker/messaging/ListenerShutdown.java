package io.safaridesk.worker.messaging;

import java.time.Duration;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On SIGTERM the listener containers stop taking deliveries and give the ones in flight the shutdown phase's time to
 * finish (less a margin for the rest of the phase), not Spring AMQP's 5 s. A delivery still unacknowledged after that
 * returns to its queue and is handled again elsewhere; consumers deduplicate by message id.
 */
@Configuration
class ListenerShutdown {

    private static final Duration MARGIN = Duration.ofSeconds(5);

    @Bean
    ContainerCustomizer<SimpleMessageListenerContainer> gracefulListenerShutdown(
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration phaseTimeout) {
        long timeout = Math.max(1_000, phaseTimeout.minus(MARGIN).toMillis());
        return container -> container.setShutdownTimeout(timeout);
    }
}
