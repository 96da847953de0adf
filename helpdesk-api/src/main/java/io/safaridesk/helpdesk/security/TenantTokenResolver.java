package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * Picks how to validate a bearer token from its issuer: only the realm of an active workspace, named exactly in the
 * tenant registry under the base URL of the realm cell recorded for it, is trusted; so a token that another cell mints
 * for a realm of the same name is refused. An unknown issuer is refused before any network call; a suspended
 * workspace's tokens are refused with 403 and its cached keys dropped. Keys are fetched from the cell's internal URL
 * and cached per issuer. Expiry is checked with a clock skew of at most 5 s ({@link TokenChecks}).
 */
@Component
@EnableConfigurationProperties(TokenChecks.class)
public class TenantTokenResolver implements AuthenticationManagerResolver<HttpServletRequest> {

    private final TenantDirectory directory;
    private final TokenChecks checks;
    // a token's exp and nbf are Keycloak's wall time: they are checked against the wall clock, never the application's
    // business clock (which tests move through SLA deadlines and report periods)
    private final Clock clock = Clock.systemUTC();
    private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    private final JwtIssuerAuthenticationManagerResolver byIssuer;

    private final RestOperations keys;

    TenantTokenResolver(TenantDirectory directory, TokenChecks checks) {
        this.directory = directory;
        this.checks = checks;
        SimpleClientHttpRequestFactory keyRequests = new SimpleClientHttpRequestFactory();
        keyRequests.setConnectTimeout(checks.keysTimeout());
        keyRequests.setReadTimeout(checks.keysTimeout());
        this.keys = new RestTemplate(keyRequests);
        this.byIssuer = new JwtIssuerAuthenticationManagerResolver(this::managerFor);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return byIssuer.resolve(request);
    }

    /**
     * Validates a bearer token that did not come in an HTTP request (the STOMP CONNECT frame of a WebSocket session)
     * exactly as a REST call's: same issuers, keys, expiry and suspension rules.
     *
     * @throws org.springframework.security.core.AuthenticationException when the token is not accepted
     */
    public TenantAuthentication authenticate(String token) {
        // the issuer-resolving manager reads the issuer from the token itself; the request is not consulted
        return (TenantAuthentication) byIssuer.resolve(null).authenticate(new BearerTokenAuthenticationToken(token));
    }

    private AuthenticationManager managerFor(String issuer) {
        Optional<TenantDirectory.Entry> entry = directory.findByIssuer(issuer);
        if (entry.isEmpty()) {
            managers.keySet().removeIf(key -> key.startsWith(issuer + " "));
            return null; // answered 401 "invalid issuer" without contacting anyone
        }
        if (entry.get().status() != TenantStatus.ACTIVE) {
            managers.keySet().removeIf(key -> key.startsWith(issuer + " "));
            TenantStatus status = entry.get().status();
            return authentication -> {
                throw new TenantNotServed(entry.get().slug(), status);
            };
        }
        return managers.computeIfAbsent(issuer + " " + entry.get().jwkSetUri(), i -> manager(entry.get()));
    }

    private AuthenticationManager manager(TenantDirectory.Entry entry) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(entry.jwkSetUri())
                .restOperations(keys)
                .build();
        decoder.setJwtValidator(checks.validator(entry.issuer(), clock));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(
                jwt -> new TenantAuthentication(jwt, realmRoles(jwt), entry.slug(), isMoving(entry.issuer())));
        return new ProviderManager(provider);
    }

    /** Whether the workspace is being moved to another cell now (read-only), as of the directory's short cache. */
    private boolean isMoving(String issuer) {
        return directory.findByIssuer(issuer).map(TenantDirectory.Entry::moving).orElse(false);
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(String::valueOf)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
