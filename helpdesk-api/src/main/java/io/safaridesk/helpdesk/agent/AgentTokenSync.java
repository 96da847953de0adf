package io.safaridesk.helpdesk.agent;

import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.agent.AgentRole;
import io.safaridesk.platform.agent.Agents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * On a staff user's request, creates or updates their agent profile from the token (name, email, role), at most once
 * per user per {@link #RECHECK} and never failing the request. Runs inside the workspace context the security filters
 * set.
 */
@Configuration(proxyBeanMethods = false)
class AgentTokenSync implements HandlerInterceptor, WebMvcConfigurer {

    static final Duration RECHECK = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(AgentTokenSync.class);

    private final Agents agents;
    private final Clock clock;
    private final Map<String, Instant> checkedUntil = new ConcurrentHashMap<>();

    AgentTokenSync(Agents agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TenantAuthentication caller) {
            mirror(caller);
        }
        return true;
    }

    private void mirror(TenantAuthentication caller) {
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
