package io.safaridesk.worker.messaging;

import io.safaridesk.platform.events.EventTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The AMQP topology, declared by the worker at start-up (and again on every reconnect): the durable topic exchange
 * {@code safaridesk.events}; per concern a durable work queue bound to its routing keys, one plain retry queue per
 * delay (the worker moves due messages back itself, see {@link RetryQueues}) and a dead-letter queue for what failed
 * {@code max-attempts} times. No queue relies on RabbitMQ's TTL or dead-letter arguments, so any AMQP 0-9-1 broker
 * will do.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingTopology {

    @Bean
    TopicExchange eventsExchange() {
        return new TopicExchange(EventTopology.EVENTS_EXCHANGE, true, false);
    }

    @Bean
    Declarables workerQueues(TopicExchange eventsExchange, MessagingProperties properties) {
        List<Declarable> declarables = new ArrayList<>();
        for (Concern concern : Concern.ALL) {
            Queue work = new Queue(properties.queue(concern.name()), true, false, false, expiring(properties));
            declarables.add(work);
            for (String key : concern.bindings()) {
                Binding binding = BindingBuilder.bind(work).to(eventsExchange).with(key);
                declarables.add(binding);
            }
            for (String retryQueue : properties.retryQueues(concern.name())) {
                declarables.add(new Queue(retryQueue, true, false, false, expiring(properties)));
            }
            declarables.add(
                    new Queue(properties.deadLetterQueue(concern.name()), true, false, false, expiring(properties)));
        }
        return new Declarables(declarables);
    }

    @Bean
    DeadLetters deadLetters(RabbitTemplate rabbit, MessagingProperties properties) {
        return new DeadLetters(rabbit, properties);
    }

    private static Map<String, Object> expiring(MessagingProperties properties) {
        Map<String, Object> arguments = new HashMap<>();
        if (properties.queueExpires() != null) {
            arguments.put("x-expires", properties.queueExpires().toMillis());
        }
        return arguments;
    }
}
