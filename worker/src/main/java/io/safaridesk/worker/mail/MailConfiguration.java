package io.safaridesk.worker.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.safaridesk.domain.mail.MailOrigin;
import io.safaridesk.domain.mail.SecretBox;
import io.safaridesk.platform.observability.TraceCarrier;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Mail delivery, polled every {@code safaridesk.mail.poll-interval} unless {@code delivery-enabled} is false. */
@Configuration
@EnableScheduling
class MailConfiguration {

    @Bean
    MailTransports mailTransports(JavaMailSender platformSender, DataSource dataSource, SecretBox box, Clock clock) {
        return new MailTransports(platformSender, dataSource, box, clock);
    }

    @Bean
    MailDelivery mailDelivery(
            DataSource dataSource,
            MailTransports transports,
            MailProperties properties,
            Clock clock,
            MailOrigin origin,
            TraceCarrier traces,
            MeterRegistry meters) {
        return new MailDelivery(dataSource, transports, properties, clock, origin, traces, meters);
    }

    @Component
    @ConditionalOnProperty(name = "safaridesk.mail.delivery-enabled", havingValue = "true", matchIfMissing = true)
    static class Poller {

        private final MailDelivery delivery;

        Poller(MailDelivery delivery) {
            this.delivery = delivery;
        }

        @Scheduled(fixedDelayString = "${safaridesk.mail.poll-interval:500ms}")
        void deliver() {
            delivery.drain();
        }
    }
}
