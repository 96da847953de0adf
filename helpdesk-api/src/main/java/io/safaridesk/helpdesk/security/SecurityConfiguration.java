package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.apitoken.ApiScope;
import io.safaridesk.platform.ratelimit.RateLimiter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every /api/v1 route needs a workspace token, except the anonymous portal ({@code
 * /api/v1/portal/{slug}/...}, its knowledge base {@code /api/v1/portal/{slug}/kb/...} and survey links {@code
 * /api/v1/portal/{slug}/satisfaction/{token}} included) and the docs. The customer portal ({@code /api/v1/portal/tickets/...}) needs role customer.
 * A route that no rule names is refused to everyone ({@code EndpointAccessIntegrationTests} fails the build on one).
 * An API token carries no role, only its scopes ({@link ApiScope}): it reaches the routes that name one of them, and
 * never those declared for roles alone (agents, settings, webhooks, the audit log, API tokens, the caller's profile).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            BearerTokens tokens,
            RateLimiter limits,
            ProblemResponses problems,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/docs", "/api/docs/**")
                        .permitAll()
                        // the anonymous web form of workspace {slug}; matched first, so a workspace named
                        // "tickets" keeps its form, which no customer route shares (POST .../tickets/{id} is none)
                        .requestMatchers(HttpMethod.POST, "/api/v1/portal/*/tickets")
                        .permitAll()
                        // the public knowledge base of workspace {slug}: no customer route has a segment "kb"
                        .requestMatchers("/api/v1/portal/*/kb", "/api/v1/portal/*/kb/**")
                        .permitAll()
                        // a survey link of workspace {slug}: its signed token alone says which survey it answers
                        .requestMatchers("/api/v1/portal/*/satisfaction/*")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/portal/tickets", "/api/v1/portal/tickets/**", "/api/v1/ticket/customer/**")
                        .hasRole("customer")
                        .requestMatchers("/api/v1/portal/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/departments", "/api/v1/departments/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/departments", "/api/v1/departments/**")
                        .hasRole("admin")
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/department/list",
                                "/api/v1/department/get/**",
                                "/api/v1/department/members/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/department/**")
                        .hasRole("admin")
                        .requestMatchers("/api/v1/agent/**")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.GET, "/api/v1/contacts", "/api/v1/contacts/**")
                        .access(rolesOr(ApiScope.CONTACTS_READ, "admin", "agent"))
                        .requestMatchers("/api/v1/contacts", "/api/v1/contacts/**")
                        .access(rolesOr(ApiScope.CONTACTS_WRITE, "admin", "agent"))
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/ticket-statuses",
                                "/api/v1/ticket-statuses/**",
                                "/api/v1/ticket-categories",
                                "/api/v1/ticket-categories/**",
                                "/api/v1/ticket/category",
                                "/api/v1/ticket/category/**")
                        .access(rolesOr(ApiScope.TICKETS_READ, "admin", "agent", "customer"))
                        .requestMatchers(
                                "/api/v1/ticket-statuses",
                                "/api/v1/ticket-statuses/**",
                                "/api/v1/ticket-categories",
                                "/api/v1/ticket-categories/**",
                                "/api/v1/ticket/category",
                                "/api/v1/ticket/category/**")
                        .hasRole("admin")
                        .requestMatchers("/api/v1/assignment-rules", "/api/v1/assignment-rules/**")
                        .hasRole("admin")
                        // reports and the dashboard: staff; agents get figures over the tickets they see
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/reports",
                                "/api/v1/reports/**",
                                "/api/v1/dashboard",
                                "/api/v1/dashboard/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                        .hasRole("admin")
                        // triggers and time rules (and the triggers' dry run): admins
                        .requestMatchers(
                                "/api/v1/triggers",
                                "/api/v1/triggers/**",
                                "/api/v1/time-rules",
                                "/api/v1/time-rules/**")
                        .hasRole("admin")
                        // macros: staff; who sees and manages which macro is the domain's rule (personal, shared)
                        .requestMatchers("/api/v1/macros", "/api/v1/macros/**")
                        .hasAnyRole("admin", "agent")
                        // survey answers: admins read all, agents their own (the facade filters)
                        .requestMatchers(HttpMethod.GET, "/api/v1/satisfaction", "/api/v1/satisfaction/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/api-tokens", "/api/v1/api-tokens/**")
                        .hasRole("admin")
                        // exports act for a staff user (their file, their mail): no API token reaches them
                        .requestMatchers(
                                "/api/v1/tickets/exports", "/api/v1/tickets/exports/**", "/api/v1/ticket/export")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets", "/api/v1/tickets/**", "/api/v1/ticket/**")
                        .access(rolesOr(ApiScope.TICKETS_READ, "admin", "agent"))
                        .requestMatchers("/api/v1/tickets", "/api/v1/tickets/**", "/api/v1/ticket/**")
                        .access(rolesOr(ApiScope.TICKETS_WRITE, "admin", "agent"))
                        .requestMatchers(HttpMethod.GET, "/api/v1/task-statuses", "/api/v1/task-statuses/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/task-statuses", "/api/v1/task-statuses/**")
                        .hasRole("admin")
                        .requestMatchers("/api/v1/tasks", "/api/v1/tasks/**", "/api/v1/task/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/notifications", "/api/v1/notifications/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers(
                                "/api/v1/settings/smtp",
                                "/api/v1/settings/mail-templates",
                                "/api/v1/settings/mail-templates/**",
                                "/api/v1/settings/mailboxes",
                                "/api/v1/settings/mailboxes/**",
                                "/api/v1/settings/inbound-mail",
                                "/api/v1/settings/inbound-mail/**")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/analytics", "/api/v1/kb/analytics/**")
                        .access(rolesOr(ApiScope.KB_READ, "admin", "agent"))
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/**")
                        .access(rolesOr(ApiScope.KB_READ, "admin", "agent", "customer"))
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/articles/*/feedback")
                        .hasAnyRole("admin", "agent", "customer")
                        .requestMatchers("/api/v1/kb/categories", "/api/v1/kb/categories/**")
                        .access(rolesOr(ApiScope.KB_MANAGE, "admin"))
                        .requestMatchers("/api/v1/kb/**")
                        .access(rolesOr(ApiScope.KB_MANAGE, "admin", "agent"))
                        .requestMatchers(HttpMethod.GET, "/api/v1/settings", "/api/v1/settings/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/settings", "/api/v1/settings/**")
                        .hasRole("admin")
                        .requestMatchers("/api/v1/audit-log", "/api/v1/audit-log/**")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.GET, "/api/v1/sla/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/sla/**")
                        .hasRole("admin")
                        // the caller's own identity and profile: any user of the workspace, customers included,
                        // but no API token (it is nobody's identity)
                        .requestMatchers("/api/v1/me", "/api/v1/users/**")
                        .access((caller, request) ->
                                new AuthorizationDecision(caller.get() instanceof TenantAuthentication))
                        // undeclared means refused: a route someone forgot to list is closed, not open to customers
                        .anyRequest()
                        .access(onlyWhereNothingAnswers(routes)))
                .oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler())
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems.tokenFailureHandler());
                                return filter;
                            }
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new ApiTokenRateLimit(limits, problems), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new TenantContextFilter(problems), ApiTokenRateLimit.class)
                .build();
    }

    /**
     * The last rule: a route that exists but no rule above names is refused to everyone; a path where no route answers
     * passes on, so that the caller learns 404 (a typo) instead of 403 (a role they lack).
     */
    private static AuthorizationManager<RequestAuthorizationContext> onlyWhereNothingAnswers(
            RequestMappingHandlerMapping routes) {
        return (authentication, context) -> {
            boolean routed;
            try {
                routed = routes.getHandler(context.getRequest()) != null;
            } catch (Exception somethingAnswersThere) {
                routed = true; // a route at this path refused the method or media type
            }
            return new AuthorizationDecision(!routed);
        };
    }

    /** Callers with one of {@code roles}, or an API token granted {@code scope}. */
    private static AuthorizationManager<RequestAuthorizationContext> rolesOr(ApiScope scope, String... roles) {
        return AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasAnyRole(roles),
                AuthorityAuthorizationManager.hasAuthority(
                        ApiTokenAuthentication.authority(scope).getAuthority()));
    }

    /** The STOMP endpoint: the WebSocket handshake is open; the CONNECT frame carries the token (realtime/StompGate). */
    @Bean
    @Order(2)
    SecurityFilterChain realtime(HttpSecurity http) throws Exception {
        return http.securityMatcher("/ws", "/ws/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
