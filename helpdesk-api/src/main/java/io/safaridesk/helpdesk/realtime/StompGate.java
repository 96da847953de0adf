package io.safaridesk.helpdesk.realtime;

import io.safaridesk.helpdesk.actor.Actors;
import io.safaridesk.helpdesk.agent.AgentTokenMirror;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.helpdesk.security.TenantTokenResolver;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every frame a client sends. CONNECT must carry {@code Authorization: Bearer <workspace token>}, validated like
 * a REST call's, and a staff user's agent profile is mirrored from it as on a REST call; the session then belongs to that workspace and user until the token expires. SUBSCRIBE is allowed
 * only to the caller's own destinations ({@link Destinations}); SEND is refused (changes go through the REST API).
 * Any refusal is an ERROR frame and the end of the connection.
 */
@Component
class StompGate implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompGate.class);

    private final TenantTokenResolver tokens;
    private final Actors actors;
    private final AgentTokenMirror agentProfiles;
    private final RealtimeSessions sessions;
    private final MessageChannel clientOutbound;
    private final JsonMapper json;
    private final Clock clock;

    StompGate(
            TenantTokenResolver tokens,
            Actors actors,
            AgentTokenMirror agentProfiles,
            RealtimeSessions sessions,
            @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
            JsonMapper json,
            Clock clock) {
        this.tokens = tokens;
        this.actors = actors;
        this.agentProfiles = agentProfiles;
        this.sessions = sessions;
        this.clientOutbound = clientOutbound;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message; // heart-beats
        }
        if (stomp.getCommand() == StompCommand.CONNECT || stomp.getCommand() == StompCommand.STOMP) {
            // refused by throwing: the error handler answers before any CONNECTED frame exists
            stomp.setUser(connect(stomp));
            return message;
        }
        try {
            switch (stomp.getCommand()) {
                case SUBSCRIBE -> subscribe(stomp);
                case SEND -> throw StompRefusal.sendRefused();
                case DISCONNECT -> {}
                default -> live(stomp);
            }
            return message;
        } catch (StompRefusal refusal) {
            refuse(stomp, refusal);
            return null;
        }
    }

    /**
     * Answers a refused frame of a connected session with an ERROR frame (after which the session is closed) through
     * the outbound channel, in order behind the CONNECTED frame: an ERROR sent from this inbound thread while CONNECTED
     * is still being flushed would be dropped by the close that follows it.
     */
    private void refuse(StompHeaderAccessor stomp, StompRefusal refusal) {
        log.warn("STOMP frame refused: {} {}", refusal.type(), refusal.getMessage());
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(stomp.getSessionId());
        if (stomp.getReceipt() != null) {
            error.setReceiptId(stomp.getReceipt());
        }
        sessions.closed(stomp.getSessionId());
        clientOutbound.send(StompProblems.frame(error, refusal, json));
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
            // staff whose first call is this CONNECT get their agent profile here, as on a first REST call
            actor = TenantContext.callAs(caller.tenant(), () -> {
                agentProfiles.mirror(caller);
                return actors.of(caller);
            });
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
