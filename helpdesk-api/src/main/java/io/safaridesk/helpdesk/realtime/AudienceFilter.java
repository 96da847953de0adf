package io.safaridesk.helpdesk.realtime;

import io.safaridesk.platform.actor.Actor;
import java.util.function.Predicate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * The last check before an event leaves for one session: the broker fans a workspace topic out to every subscriber,
 * and this drops the copies for sessions whose user may not see the ticket (an agent outside its department, ...).
 * The audience travels in an internal message header, which is never written to the client.
 */
@Component
class AudienceFilter implements ChannelInterceptor {

    static final String AUDIENCE_HEADER = "safaridesk.audience";

    private final RealtimeSessions sessions;

    AudienceFilter(RealtimeSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        Object audience = message.getHeaders().get(AUDIENCE_HEADER);
        if (audience == null) {
            return message;
        }
        String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
        boolean admitted = sessions.find(sessionId)
                .map(user -> ((Predicate<Actor>) audience).test(user.actor()))
                .orElse(false);
        return admitted ? message : null;
    }
}
