package io.safaridesk.helpdesk.realtime;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/** The STOMP sessions connected to this instance, by session id, with the user each one proved at CONNECT. */
@Component
class RealtimeSessions {

    private final Map<String, RealtimeUser> users = new ConcurrentHashMap<>();

    void connected(String sessionId, RealtimeUser user) {
        users.put(sessionId, user);
    }

    Optional<RealtimeUser> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(users.get(sessionId));
    }

    Collection<RealtimeUser> users() {
        return users.values();
    }

    Map<String, RealtimeUser> bySession() {
        return Map.copyOf(users);
    }

    /** Forgets a session the server has ended (its disconnect event follows, or not if it was already gone). */
    void closed(String sessionId) {
        users.remove(sessionId);
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        users.remove(event.getSessionId());
    }
}
