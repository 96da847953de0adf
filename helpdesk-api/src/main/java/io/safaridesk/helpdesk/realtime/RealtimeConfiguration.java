package io.safaridesk.helpdesk.realtime;

import io.safaridesk.platform.events.EventTopology;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The STOMP-over-WebSocket endpoint ({@code /ws}) with a simple in-memory broker per instance, and this instance's
 * own queue on the events exchange: exclusive and auto-deleted (it lives as long as the instance's connection), bound
 * to every ticket and task event, so that each instance relays every event to the clients connected to it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class RealtimeConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";

    private final StompGate gate;
    private final AudienceFilter audience;
    private final JsonMapper json;
    private final RealtimeSessions sessions;
    private final String[] allowedOrigins;

    RealtimeConfiguration(
            StompGate gate,
            AudienceFilter audience,
            JsonMapper json,
            RealtimeSessions sessions,
            @Value("${safaridesk.realtime.allowed-origins:*}") String[] allowedOrigins) {
        this.gate = gate;
        this.audience = audience;
        this.json = json;
        this.sessions = sessions;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // the token travels in the CONNECT frame, never in a cookie: any origin may connect
        registry.addEndpoint(ENDPOINT).setAllowedOriginPatterns(allowedOrigins);
        registry.setErrorHandler(new StompProblems(json, sessions));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        // per session, frames leave in order, one after the other (an ERROR never overtakes the CONNECTED frame)
        registry.setPreservePublishOrder(true);
        registry.setUserDestinationPrefix("/user");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(gate);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(audience);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // clients only connect and subscribe: small inbound frames; a slow client is dropped rather than buffered
        registration
                .setMessageSizeLimit(16 * 1024)
                .setSendBufferSizeLimit(512 * 1024)
                .setSendTimeLimit(10_000);
    }

    @Bean
    Queue realtimeEvents() {
        // not an AnonymousQueue: its x-queue-leader-locator argument is refused by RabbitMQ's classic queues here
        return QueueBuilder.nonDurable(new Base64UrlNamingStrategy("safaridesk.realtime.").generateName())
                .exclusive()
                .autoDelete()
                .build();
    }

    @Bean
    Declarables realtimeBindings(Queue realtimeEvents) {
        TopicExchange events = new TopicExchange(EventTopology.EVENTS_EXCHANGE, true, false);
        Binding tickets = BindingBuilder.bind(realtimeEvents).to(events).with(EventTopology.TICKET_EVENTS + "#");
        Binding tasks = BindingBuilder.bind(realtimeEvents).to(events).with("task.#");
        return new Declarables(events, tickets, tasks);
    }
}
