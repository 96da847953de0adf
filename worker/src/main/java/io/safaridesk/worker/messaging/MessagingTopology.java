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

/**
 * The RabbitMQ topology, declared by the worker at start-up (and again on every reconnect): the durable topic exchange
 * {@code safaridesk.events}; per concern a durable work queue bound to its routing keys, retry queues whose messages
 * expire after growing delays and are dead-lettered back into the work queue, and a dead-letter queue for what failed
 * {@code max-attempts} times.
 */
@Configuration
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
            for (int level = 1; level <= properties.retryDelays().size(); level++) {
                Map<String, Object> arguments = expiring(properties);
                arguments.put("x-message-ttl", properties.retryDelay(level).toMillis());
                arguments.put("x-dead-letter-exchange", "");
                arguments.put("x-dead-letter-routing-key", work.getName());
                declarables.add(new Queue(properties.retryQueue(concern.name(), level), true, false, false, arguments));
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
