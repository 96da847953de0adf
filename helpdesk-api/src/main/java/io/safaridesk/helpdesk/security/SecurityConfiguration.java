package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.ratelimit.RateLimiter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The filter chains: tokens, tenancy and rate limits for {@code /api/**}, the open WebSocket handshake and actuator.
 * Who may call a route is declared beside it, on its controller ({@link Callers}), and checked here before the request
 * is read ({@link DeclaredAccess}); a route that declares nothing is refused to everyone, and the build fails on one.
 * An API token carries no role, only its scopes ({@link io.safaridesk.domain.apitoken.ApiScope}): it reaches the
 * routes that name one of them, never those declared for people alone.
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
                        // every other route: whom its controller declares (@Callers); undeclared means refused
                        .anyRequest()
                        .access(new DeclaredAccess(routes)))
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
