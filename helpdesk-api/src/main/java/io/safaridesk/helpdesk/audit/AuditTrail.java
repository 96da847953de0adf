package io.safaridesk.helpdesk.audit;

import io.safaridesk.helpdesk.security.ApiTokenAuthentication;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes the audit log after each request that changes something and is worth an admin's review: every change an
 * admin or an API token makes to the workspace (its people, settings and configuration), and every deletion or export
 * by any staff member or token. Work on tickets and tasks is left to their own history, which names who did what; recording it here too would
 * double it and add a second transaction to every ticket write. Recorded after the answer, with its status, so refused
 * and failed attempts are in the log too. Runs inside the workspace context the security filters set; a failure to
 * record is logged and never fails the request.
 */
@Configuration(proxyBeanMethods = false)
class AuditTrail implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> CASE_WORK =
            List.of("/api/v1/tickets", "/api/v1/ticket/", "/api/v1/tasks", "/api/v1/task/");

    private final AuditLog auditLog;

    AuditTrail(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**").excludePathPatterns("/api/v1/portal/**");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        Who who = switch (SecurityContextHolder.getContext().getAuthentication()) {
            case TenantAuthentication caller
            when audited(request, role(caller)) ->
                new Who(caller.userId(), caller.getToken().getClaimAsString("email"), role(caller));
            // an integration's changes are as much an admin's concern as an admin's own
            case ApiTokenAuthentication token
            when audited(request, "api-token") ->
                new Who(token.getName(), token.actor().name(), "api-token");
            case null, default -> null;
        };
        if (who == null) {
            return;
        }
        try {
            auditLog.record(new AuditLog.NewEntry(
                    who.userId(),
                    who.name(),
                    who.role(),
                    request.getMethod() + " " + route(request),
                    request.getRequestURI(),
                    failure != null && response.getStatus() < 400 ? 500 : response.getStatus(),
                    request.getRemoteAddr()));
        } catch (RuntimeException e) {
            log.error("Could not record {} {} in the audit log", request.getMethod(), request.getRequestURI(), e);
        }
    }

    /** The actor columns of an entry. */
    private record Who(String userId, String name, String role) {}

    /** Whether a request of a caller acting as {@code role} (admin, agent, api-token; null: neither) is recorded. */
    private static boolean audited(HttpServletRequest request, String role) {
        String method = request.getMethod();
        if (!CHANGES.contains(method) || role == null) {
            return false;
        }
        String path = request.getRequestURI();
        if ("DELETE".equals(method) || path.contains("/export")) {
            return true;
        }
        return !role.equals("agent") && CASE_WORK.stream().noneMatch(path::startsWith);
    }

    /** The caller's most powerful staff role; null for customers and users without a product role. */
    private static String role(TenantAuthentication caller) {
        List<String> roles = caller.roles();
        return roles.contains("admin") ? "admin" : roles.contains("agent") ? "agent" : null;
    }

    /** The route as declared ({@code /api/v1/agent/{id}}), so that one action reads the same for every resource. */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? request.getRequestURI() : pattern.toString();
    }
}
