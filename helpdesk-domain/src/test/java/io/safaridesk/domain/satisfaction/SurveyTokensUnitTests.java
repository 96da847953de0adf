package io.safaridesk.domain.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyTokensUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final TenantSlug ACME = TenantSlug.of("acme");

    private final SurveyTokens tokens = new SurveyTokens("secret");
    private final String token = tokens.issue(ACME, 42, NOW.plusSeconds(60));

    @Test
    void aTokenNamesItsSurveyInItsWorkspaceUntilItExpires() {
        assertThat(token).matches("42\\.\\d+\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.verify(ACME, token, NOW)).isEqualTo(42);
        assertThat(tokens.verify(ACME, token, NOW.plusSeconds(59))).isEqualTo(42);
        assertThatThrownBy(() -> tokens.verify(ACME, token, NOW.plusSeconds(60)))
                .isInstanceOf(SurveyTokens.SurveyExpired.class);
    }

    @Test
    void aTokenChangedInAnyPartOrOfAnotherWorkspaceOrKeyDoesNotVerify() {
        String[] parts = token.split("\\.");
        String otherSurvey = "43." + parts[1] + "." + parts[2];
        String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];
        String otherMac =
                parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        for (String forged : new String[] {otherSurvey, laterExpiry, otherMac, "", "42", "x.y.z", token + "."}) {
            assertThatThrownBy(() -> tokens.verify(ACME, forged, NOW))
                    .as(forged)
                    .isInstanceOf(SurveyTokens.SurveyNotFound.class);
        }
        assertThatThrownBy(() -> tokens.verify(TenantSlug.of("globex"), token, NOW))
                .isInstanceOf(SurveyTokens.SurveyNotFound.class);
        assertThatThrownBy(() -> new SurveyTokens("another secret").verify(ACME, token, NOW))
                .isInstanceOf(SurveyTokens.SurveyNotFound.class);
    }

    @Test
    void anExpiredButForgedTokenIsForgedNotExpired() {
        String[] parts = token.split("\\.");
        String forged = parts[0] + ".1." + parts[2];

        assertThatThrownBy(() -> tokens.verify(ACME, forged, NOW)).isInstanceOf(SurveyTokens.SurveyNotFound.class);
    }

    @Test
    void ratingsReadAnyCaseAndRefuseTheRestNamingTheField() {
        assertThat(Rating.of("rating", " Good ")).isEqualTo(Rating.GOOD);
        assertThatThrownBy(() -> Rating.of("rating", "3")).hasMessage("rating must be good or bad");
        assertThatThrownBy(() -> Rating.of("rating", null)).hasMessage("rating must be good or bad");
    }
}
