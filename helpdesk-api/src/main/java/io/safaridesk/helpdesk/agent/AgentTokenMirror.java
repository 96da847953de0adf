package io.safaridesk.helpdesk.agent;

import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Creates or updates a staff user's agent profile from their token (name, email, role), at most once per user per
 * {@link #RECHECK} and never failing the caller. Used on REST requests ({@link AgentTokenSync}) and on WebSocket
 * CONNECT, so that a client whose first call is either finds its profile. Needs the caller's workspace in context.
 */
@Component
public class AgentTokenMirror {

    static final Duration RECHECK = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(AgentTokenMirror.class);

    private final Agents agents;
    private final Clock clock;
    private final Map<String, Instant> checkedUntil = new ConcurrentHashMap<>();

    AgentTokenMirror(Agents agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    /** Mirrors the caller's agent profile if the caller is staff with an email; customers are left alone. */
    public void mirror(TenantAuthentication caller) {
        List<String> roles = caller.roles();
        AgentRole role = roles.contains("admin") ? AgentRole.ADMIN : roles.contains("agent") ? AgentRole.AGENT : null;
        Jwt token = caller.getToken();
        String email = token.getClaimAsString("email");
        if (role == null || email == null || email.isBlank()) {
            return;
        }
        String key = caller.tenant() + "/" + caller.userId();
        Instant now = clock.instant();
        Instant until = checkedUntil.get(key);
        if (until != null && until.isAfter(now)) {
            return;
        }
        if (checkedUntil.size() >= MAX_REMEMBERED) {
            checkedUntil.clear();
        }
        checkedUntil.put(key, now.plus(RECHECK));
        try {
            Instant issuedAt = token.getIssuedAt() == null ? now : token.getIssuedAt();
            agents.mirror(
                    new Agents.Identity(caller.userId(), token.getClaimAsString("name"), email, role, null, issuedAt));
        } catch (RuntimeException e) {
            checkedUntil.remove(key);
            log.warn(
                    "agent profile of {} in {} not mirrored from the token: {}",
                    caller.userId(),
                    caller.tenant(),
                    e.toString());
        }
    }
}
