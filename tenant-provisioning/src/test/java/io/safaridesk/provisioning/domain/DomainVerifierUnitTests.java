package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Eligibility, which needs no network. */
class DomainVerifierUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "www.example.org",
                "example.net",
                "acme.test",
                "acme.example",
                "foo.invalid",
                "app.localhost",
                "printer.local",
                "corp.internal",
                "home.arpa"
            })
    void refusesReservedNamesInProduction(String domain) {
        try (DomainVerifier verifier = verifier(false)) {
            assertThatExceptionOfType(InvalidDomain.class)
                    .isThrownBy(() -> verifier.requireEligible(DomainName.of(domain)))
                    .satisfies(e -> assertThat(e.reason()).contains("reserved for documentation and testing"));
        }
    }

    @Test
    void acceptsTestNamesWhenTestDomainsAreAllowed() {
        try (DomainVerifier verifier = verifier(true)) {
            assertThatCode(() -> verifier.requireEligible(DomainName.of("acme.test")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesFreeMailDomainsEvenWhenTestDomainsAreAllowed() {
        try (DomainVerifier verifier = verifier(true)) {
            assertThatExceptionOfType(InvalidDomain.class)
                    .isThrownBy(() -> verifier.requireEligible(DomainName.of("yahoo.co.uk")))
                    .satisfies(e -> assertThat(e.reason())
                            .isEqualTo("yahoo.co.uk is a free mail provider: use your organisation's own domain"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.com", "support.acme.co.uk", "examples.com", "testing.io", "xn--bcher-kva.de"})
    void acceptsOrdinaryDomains(String domain) {
        try (DomainVerifier verifier = verifier(false)) {
            assertThatCode(() -> verifier.requireEligible(DomainName.of(domain)))
                    .doesNotThrowAnyException();
        }
    }

    private static DomainVerifier verifier(boolean allowTestDomains) {
        return DomainVerifier.create(
                new DomainVerificationProperties("127.0.0.1:53", false, allowTestDomains, null, null, null));
    }
}
