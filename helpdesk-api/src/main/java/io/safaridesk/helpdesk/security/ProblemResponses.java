package io.safaridesk.helpdesk.security;

import io.safaridesk.domain.apitoken.ApiScope;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.DatabaseUnavailable;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Authentication and authorisation failures as RFC 9457 problems, like every other error. */
@Component
class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            if (e instanceof TenantNotServed) {
                write(response, HttpStatus.FORBIDDEN, "workspace-not-served", e.getMessage());
            } else if (e instanceof AuthenticationServiceException && DatabaseUnavailable.isCause(e)) {
                // the workspace of the token could not be looked up: the database is cut off, not the caller
                response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
                write(
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        DatabaseUnavailable.problem().getDetail());
            } else if (e instanceof AuthenticationServiceException) {
                // the token could not be checked (the realm's keys did not come): our fault, not the caller's
                response.setHeader("Retry-After", "5");
                write(
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "identity-unavailable",
                        "Your sign-in cannot be checked right now; try again in a few seconds");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
                write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", describe(e));
            }
        };
    }

    /**
     * What the bearer token filter does when a token cannot be checked: answer through {@link #entryPoint()} instead
     * of Spring's default, which rethrows a failure to fetch the keys and so answers 500.
     */
    AuthenticationFailureHandler tokenFailureHandler() {
        AuthenticationEntryPointFailureHandler handler = new AuthenticationEntryPointFailureHandler(entryPoint());
        handler.setRethrowAuthenticationServiceException(false);
        return handler;
    }

    AccessDeniedHandler accessDeniedHandler() {
        return (request, response, e) -> write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
                        ? "This API token's scopes (" + scopes(token) + ") do not allow this"
                        : "Your role does not allow this");
    }

    /** A problem raised before any controller ran (a rate limit in a filter), with its headers. */
    void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        problem.headers().forEach(response::setHeader);
        write(response, problem.status(), problem.type(), problem.getMessage());
    }

    /** A write to a workspace whose realm is being moved to another cell: try again in a minute. */
    void readOnly(HttpServletResponse response, TenantSlug tenant) throws IOException {
        response.setHeader("Retry-After", "60");
        write(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "workspace-read-only",
                "Workspace " + tenant + " is read-only for a few minutes while it moves; try again shortly");
    }

    private static String scopes(ApiTokenAuthentication token) {
        return token.scopes().stream().map(ApiScope::scope).collect(Collectors.joining(", "));
    }

    private static String describe(AuthenticationException e) {
        return e == null || e.getMessage() == null ? "A valid bearer token is required" : e.getMessage();
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://safaridesk.io/problems/" + type));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
