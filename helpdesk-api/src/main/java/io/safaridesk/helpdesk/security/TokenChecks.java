package io.safaridesk.helpdesk.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * How tokens are checked. {@code safaridesk.security.clock-skew}: how far a token's {@code exp} and {@code nbf} may be
 * off the clock and still pass (default 5 s, at most 5 s: Spring's default of 60 s kept an expired token working for a
 * minute). {@code safaridesk.security.keys-timeout}: how long fetching a realm's signing keys may take to connect and to
 * answer (default 10 s; Spring's 500 ms failed the first request of a workspace whenever Keycloak was busy).
 */
@ConfigurationProperties("safaridesk.security")
record TokenChecks(
        @DefaultValue("5s") Duration clockSkew,
        @DefaultValue("10s") Duration keysTimeout) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(5);

    TokenChecks {
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("safaridesk.security.clock-skew must be between 0s and 5s");
        }
    }

    /** The checks of a token of {@code issuer}: its issuer exactly, its expiry and not-before within the skew. */
    OAuth2TokenValidator<Jwt> validator(String issuer, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer));
    }
}
