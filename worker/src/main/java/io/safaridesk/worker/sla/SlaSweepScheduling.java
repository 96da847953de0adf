package io.safaridesk.worker.sla;

import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every interval, publishes one message per active workspace to the durable sweep queue; the worker instances share
 * the queue, so each workspace is swept by one of them at a time, and a message that was not acknowledged (a worker
 * that died mid-sweep) is swept again by another. Sweeps are idempotent: crossings are claimed, never raised twice.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(SlaSweepProperties.class)
@ConditionalOnProperty(name = "safaridesk.sla.sweep.enabled", havingValue = "true", matchIfMissing = true)
class SlaSweepScheduling {

    private static final Logger log = LoggerFactory.getLogger(SlaSweepScheduling.class);

    private final TenantDirectory directory;
    private final RabbitTemplate rabbit;
    private final SlaSweepProperties properties;

    SlaSweepScheduling(TenantDirectory directory, RabbitTemplate rabbit, SlaSweepProperties properties) {
        this.directory = directory;
        this.rabbit = rabbit;
        this.properties = properties;
    }

    @Bean
    Queue slaSweepQueue() {
        return QueueBuilder.durable(properties.queue()).build();
    }

    @Scheduled(fixedDelayString = "${safaridesk.sla.sweep.interval:PT1M}")
    void publishSweeps() {
        int published = 0;
        for (TenantSlug workspace : directory.activeSlugs()) {
            rabbit.convertAndSend("", properties.queue(), workspace.value());
            published++;
        }
        log.debug("Published {} SLA sweeps", published);
    }
}
