package io.safaridesk.domain.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenCredentialUnitTests {

    private static final String SECRET = "Qm9va3NfYW5kX2JlZXJzX2FuZF9iaWtlc19hbmRfbW9";

    @Test
    void aTokenReadsBackAsItsWorkspaceIdAndSecret() {
        ApiTokenCredential issued =
                new ApiTokenCredential(TenantSlug.of("acme-trading"), 42, ApiTokenCredential.newSecret());

        assertThat(issued.value()).startsWith("sdat_acme-trading_42_").hasSize("sdat_acme-trading_42_".length() + 43);
        assertThat(ApiTokenCredential.parse(issued.value())).contains(issued);
        assertThat(ApiTokenCredential.looksLike(issued.value())).isTrue();
    }

    @Test
    void aSecretMayHoldUnderscoresAndDashes() {
        String secret = "_-" + SECRET.substring(2);

        assertThat(ApiTokenCredential.parse("sdat_acme_7_" + secret))
                .hasValueSatisfying(
                        credential -> assertThat(credential.secret()).isEqualTo(secret));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sdat_",
                "sdat_acme_7",
                "sdat_acme_0_" + SECRET,
                "sdat_acme_07_" + SECRET,
                "sdat_acme_x_" + SECRET,
                "sdat_acme_7_" + SECRET + "A",
                "sdat_acme_7_" + "short",
                "sdat_Acme_7_" + SECRET,
                "sdat_public_7_" + SECRET,
                "sdat_acme_99999999999999999999_" + SECRET,
                "eyJhbGciOiJSUzI1NiJ9.e30.sig"
            })
    void anythingElseIsNoToken(String bearer) {
        assertThat(ApiTokenCredential.parse(bearer)).isEmpty();
    }

    @Test
    void theSecretNeverShowsInTextAndSecretsDiffer() {
        ApiTokenCredential credential = new ApiTokenCredential(TenantSlug.of("acme"), 7, SECRET);

        assertThat(credential.toString()).doesNotContain(SECRET).isEqualTo("sdat_acme_7_***");
        assertThat(ApiTokenCredential.newSecret()).isNotEqualTo(ApiTokenCredential.newSecret());
        assertThat(ApiTokenCredential.hash(SECRET)).hasSize(32).isEqualTo(ApiTokenCredential.hash(SECRET));
    }

    @Test
    void scopesAreKnownByTheirNamesOnly() {
        assertThat(ApiScope.of("scopes", "kb:manage")).isEqualTo(ApiScope.KB_MANAGE);
        assertThatThrownBy(() -> ApiScope.of("scopes", "agents:manage"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("scopes")
                .hasMessageContaining("tickets:read");
    }
}
