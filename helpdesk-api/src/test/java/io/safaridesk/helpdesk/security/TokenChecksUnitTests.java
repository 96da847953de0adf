package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenChecksUnitTests {

    private static final String ISSUER = "http://keycloak.test/realms/acme";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final OAuth2TokenValidator<Jwt> checks = new TokenChecks(Duration.ofSeconds(5), Duration.ofSeconds(10))
            .validator(ISSUER, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsATokenThatExpiredExactlyTheSkewAgo() {
        assertThat(checks.validate(token(ISSUER, NOW.minusSeconds(5))).hasErrors())
                .isFalse();
    }

    @Test
    void refusesATokenThatExpiredJustOverTheSkewAgo() {
        assertThat(checks.validate(token(ISSUER, NOW.minusSeconds(5).minusMillis(1)))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenThatExpiredAMinuteAgoWhichSpringsDefaultAccepted() {
        assertThat(checks.validate(token(ISSUER, NOW.minusSeconds(59))).hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenNotValidUntilLaterThanTheSkew() {
        Jwt early = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .issuedAt(NOW)
                .notBefore(NOW.plusSeconds(6))
                .expiresAt(NOW.plusSeconds(300))
                .build();
        Jwt withinSkew = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .issuedAt(NOW)
                .notBefore(NOW.plusSeconds(5))
                .expiresAt(NOW.plusSeconds(300))
                .build();

        assertThat(checks.validate(early).hasErrors()).isTrue();
        assertThat(checks.validate(withinSkew).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(checks.validate(token("http://keycloak.test/realms/globex", NOW.plusSeconds(60)))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesASkewAboveFiveSeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenChecks(Duration.ofSeconds(6), Duration.ofSeconds(10)));
        assertThat(new TokenChecks(Duration.ZERO, Duration.ofSeconds(10)).clockSkew())
                .isZero();
    }

    private static Jwt token(String issuer, Instant expiresAt) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(issuer)
                .issuedAt(expiresAt.minusSeconds(300))
                .expiresAt(expiresAt)
                .build();
    }
}
