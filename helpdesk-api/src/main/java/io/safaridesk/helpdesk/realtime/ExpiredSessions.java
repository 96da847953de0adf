package io.safaridesk.helpdesk.realtime;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends sessions whose token has expired: an ERROR frame {@code token-expired}, after which the connection is closed.
 * Checked every {@code safaridesk.realtime.expiry-check} (1 s), and on every frame the client sends.
 */
@Component
class ExpiredSessions {

    private final RealtimeSessions sessions;
    private final MessageChannel clientOutbound;
    private final JsonMapper json;
    private final Clock clock;

    ExpiredSessions(
            RealtimeSessions sessions,
            @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
            JsonMapper json,
            Clock clock) {
        this.sessions = sessions;
        this.clientOutbound = clientOutbound;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safaridesk.realtime.expiry-check:1s}")
    void close() {
        Instant now = clock.instant();
        sessions.bySession().forEach((sessionId, user) -> {
            if (user.expiredAt(now)) {
                StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
                error.setSessionId(sessionId);
                clientOutbound.send(StompProblems.frame(error, StompRefusal.tokenExpired(), json));
                sessions.closed(sessionId);
            }
        });
    }
}
