package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the rest of an authenticated request as the token's workspace (a realm user's or an API token's).
 * Nothing else (host, headers, path) can choose
 * the workspace of an authenticated request. While the workspace's realm moves to another cell, only reads pass. The
 * caller (a realm user id, or {@code api-token:<id>}) is in the logging context as {@value #USER_LOG_KEY} meanwhile.
 */
final class TenantContextFilter extends OncePerRequestFilter {

    static final String USER_LOG_KEY = "user_id";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ProblemResponses problems;

    TenantContextFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof WorkspaceCaller caller)) {
            chain.doFilter(request, response);
            return;
        }
        if (caller.readOnly() && !READS.contains(request.getMethod())) {
            problems.readOnly(response, caller.tenant());
            return;
        }
        try (MDC.MDCCloseable user = MDC.putCloseable(USER_LOG_KEY, caller.getName())) {
            TenantContext.callAs(caller.tenant(), () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
            });
        } catch (FilterFailure failure) {
            failure.rethrow();
        }
    }

    private static final class FilterFailure extends RuntimeException {
        private final Exception cause;

        FilterFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }

        void rethrow() throws IOException, ServletException {
            if (cause instanceof IOException io) {
                throw io;
            }
            throw (ServletException) cause;
        }
    }
}
