package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameUnitTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                " Acme.COM | acme.com",
                "acme.com. | acme.com",
                "support.acme.co.uk | support.acme.co.uk",
                "my-company2.io | my-company2.io",
                "xn--bcher-kva.de | xn--bcher-kva.de",
                "1password.com | 1password.com"
            })
    void normalisesToLowerCaseAsciiWithoutSpacesOrTrailingDot(String input, String canonical) {
        assertThat(DomainName.of(input).value()).isEqualTo(canonical);
    }

    @Test
    void convertsInternationalisedNamesToPunycode() {
        DomainName domain = DomainName.of("Bücher.DE");

        assertThat(domain.value()).isEqualTo("xn--bcher-kva.de");
        assertThat(domain.toUnicode()).isEqualTo("bücher.de");
    }

    @Test
    void acceptsIdeographicFullStopsAsDots() {
        assertThat(DomainName.of("例え。テスト").value()).isEqualTo("xn--r8jz45g.xn--zckzah");
    }

    @Test
    void isTheSameValueWhenNormalisedTheSameWay() {
        assertThat(DomainName.of("ACME.com.")).isEqualTo(new DomainName("acme.com"));
        assertThat(DomainName.of("acme.com")).hasToString("acme.com");
    }

    @Test
    void acceptsTheLongestLabelsAndNames() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));

        assertThat(DomainName.of(label63 + ".com").value()).hasSize(67);
        assertThat(DomainName.of(name253).value()).hasSize(253);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void requiresAName(String input) {
        assertThatExceptionOfType(InvalidDomain.class)
                .isThrownBy(() -> DomainName.of(input))
                .satisfies(e -> assertThat(e.reason()).isEqualTo("a domain name is required"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "acme | must have at least two labels, like acme.com",
                "com. | must have at least two labels, like acme.com",
                "localhost | localhost is not a public domain",
                "LOCALHOST. | localhost is not a public domain",
                "acme..com | must not contain empty labels",
                ".acme.com | must not contain empty labels",
                "-acme.com | no part between dots may start or end with a hyphen",
                "acme-.com | no part between dots may start or end with a hyphen",
                "acme_corp.com | may contain only letters, digits, hyphens and dots",
                "*.acme.com | may contain only letters, digits, hyphens and dots",
                "acme!.com | may contain only letters, digits, hyphens and dots",
                "acme com | must not contain spaces",
                "192.168.1.10 | must be a domain name, not an IP address",
                "::1 | must be a domain name, not an IP address",
                "[2001:db8::1] | must be a domain name, not an IP address",
                "acme.com:8080 | must be a domain name, not an IP address",
                "https://acme.com | must be a domain name like acme.com, not a URL",
                "acme.com/signup | must be a domain name like acme.com, not a URL",
                "bob@acme.com | must be a domain name like acme.com, not an email address",
                "acme.123 | must not end in a numeric label",
                "xn--zz.com | contains an invalid internationalised (xn--) label",
                "bad_ü.de | is not a valid internationalised domain name"
            })
    void refusesWhatIsNotADomainNameSayingWhy(String input, String reason) {
        assertThatExceptionOfType(InvalidDomain.class)
                .isThrownBy(() -> DomainName.of(input))
                .satisfies(e -> {
                    assertThat(e.reason()).startsWith(reason);
                    assertThat(e.input()).isEqualTo(input);
                    assertThat(e).isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void refusesLabelsLongerThan63Characters() {
        assertThatExceptionOfType(InvalidDomain.class)
                .isThrownBy(() -> DomainName.of("a".repeat(64) + ".com"))
                .satisfies(e -> assertThat(e.reason()).contains("at most 63 characters"));
    }

    @Test
    void refusesNamesLongerThan253Characters() {
        String name254 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));

        assertThatExceptionOfType(InvalidDomain.class)
                .isThrownBy(() -> DomainName.of(name254))
                .satisfies(e -> assertThat(e.reason()).isEqualTo("must be at most 253 characters long"));
    }

    @Test
    void validatesWhenConstructedDirectlyToo() {
        assertThatExceptionOfType(InvalidDomain.class).isThrownBy(() -> new DomainName("not a domain"));
    }
}
