package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each API token to {@code safaridesk.rate-limits.api-token} requests, counted in the platform's shared buckets
 * (so across every instance); over it, 429 with {@code Retry-After} and the {@code RateLimit} fields. Realm users are
 * not limited here.
 */
final class ApiTokenRateLimit extends OncePerRequestFilter {

    static final String LIMIT = "api-token";

    private final RateLimiter limits;
    private final ProblemResponses problems;

    ApiTokenRateLimit(RateLimiter limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token) {
            try {
                limits.take(LIMIT, token.tenant() + " " + token.getName());
            } catch (RateLimiter.TooManyRequests tooMany) {
                problems.write(response, tooMany);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
