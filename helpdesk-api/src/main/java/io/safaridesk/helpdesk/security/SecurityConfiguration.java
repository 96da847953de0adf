package io.safaridesk.helpdesk.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: every /api/v1 route needs a workspace token, except the anonymous portal ({@code
 * /api/v1/portal/{slug}/...}, its knowledge base {@code /api/v1/portal/{slug}/kb/...} and survey links {@code
 * /api/v1/portal/{slug}/satisfaction/{token}} included) and the docs. The customer portal ({@code /api/v1/portal/tickets/...}) needs role customer.
 * A route that no rule names is refused to everyone ({@code EndpointAccessIntegrationTests} fails the build on one).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TenantTokenResolver tokens, ProblemResponses problems) throws Exception {
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
                        .requestMatchers("/api/v1/contacts", "/api/v1/contacts/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/ticket-statuses",
                                "/api/v1/ticket-statuses/**",
                                "/api/v1/ticket-categories",
                                "/api/v1/ticket-categories/**",
                                "/api/v1/ticket/category",
                                "/api/v1/ticket/category/**")
                        .hasAnyRole("admin", "agent", "customer")
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
                        // survey answers: admins read all, agents their own (the facade filters)
                        .requestMatchers(HttpMethod.GET, "/api/v1/satisfaction", "/api/v1/satisfaction/**")
                        .hasAnyRole("admin", "agent")
                        .requestMatchers("/api/v1/tickets", "/api/v1/tickets/**", "/api/v1/ticket/**")
                        .hasAnyRole("admin", "agent")
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
                        .hasAnyRole("admin", "agent")
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/**")
                        .hasAnyRole("admin", "agent", "customer")
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/articles/*/feedback")
                        .hasAnyRole("admin", "agent", "customer")
                        .requestMatchers("/api/v1/kb/categories", "/api/v1/kb/categories/**")
                        .hasRole("admin")
                        .requestMatchers("/api/v1/kb/**")
                        .hasAnyRole("admin", "agent")
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
                        // the caller's own identity and profile: any user of the workspace, customers included
                        .requestMatchers("/api/v1/me", "/api/v1/users/**")
                        .authenticated()
                        // undeclared means refused: a route someone forgot to list is closed, not open to customers
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new TenantContextFilter(problems), BearerTokenAuthenticationFilter.class)
                .build();
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
