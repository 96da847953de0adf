package io.safaridesk.helpdesk.realtime;

import io.safaridesk.helpdesk.actor.Actors;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.helpdesk.security.TenantTokenResolver;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Checks every frame a client sends. CONNECT must carry {@code Authorization: Bearer <workspace token>}, validated like
 * a REST call's; the session then belongs to that workspace and user until the token expires. SUBSCRIBE is allowed
 * only to the caller's own destinations ({@link Destinations}); SEND is refused (changes go through the REST API).
 * Any refusal is an ERROR frame and the end of the connection.
 */
@Component
class StompGate implements ChannelInterceptor {

    private final TenantTokenResolver tokens;
    private final Actors actors;
    private final RealtimeSessions sessions;
    private final Clock clock;

    StompGate(TenantTokenResolver tokens, Actors actors, RealtimeSessions sessions, Clock clock) {
        this.tokens = tokens;
        this.actors = actors;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message; // heart-beats
        }
        switch (stomp.getCommand()) {
            case CONNECT, STOMP -> stomp.setUser(connect(stomp));
            case SUBSCRIBE -> subscribe(stomp);
            case SEND -> throw StompRefusal.sendRefused();
            case DISCONNECT -> {}
            default -> live(stomp);
        }
        return message;
    }

    private RealtimeUser connect(StompHeaderAccessor stomp) {
        String authorization = stomp.getFirstNativeHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw StompRefusal.unauthenticated("CONNECT needs the header Authorization: Bearer <workspace token>");
        }
        TenantAuthentication caller;
        try {
            caller = tokens.authenticate(authorization.substring(7).strip());
        } catch (AuthenticationException refused) {
            throw StompRefusal.unauthenticated("The token is not accepted: " + refused.getMessage());
        }
        Actor actor;
        try {
            actor = TenantContext.callAs(caller.tenant(), () -> actors.of(caller));
        } catch (ApiProblem problem) {
            throw StompRefusal.forbidden(problem.type(), problem.getMessage());
        }
        Instant expiresAt = caller.getToken().getExpiresAt();
        RealtimeUser user = new RealtimeUser(caller.tenant(), actor, expiresAt == null ? Instant.MAX : expiresAt);
        sessions.connected(stomp.getSessionId(), user);
        return user;
    }

    private void subscribe(StompHeaderAccessor stomp) {
        RealtimeUser user = live(stomp);
        String destination = stomp.getDestination();
        if (destination == null || !Destinations.mayReceive(user, destination)) {
            throw StompRefusal.destinationRefused(String.valueOf(destination));
        }
    }

    /** The session's user, if it has connected and its token is still valid. */
    private RealtimeUser live(StompHeaderAccessor stomp) {
        RealtimeUser user = sessions.find(stomp.getSessionId())
                .orElseThrow(() -> StompRefusal.unauthenticated("CONNECT with a workspace token first"));
        if (user.expiredAt(clock.instant())) {
            throw StompRefusal.tokenExpired();
        }
        return user;
    }
}
