package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainVerificationPropertiesUnitTests {

    @Test
    void defaultsToProductionSettings() {
        var defaults = DomainVerificationProperties.defaults();

        assertThat(defaults.dnsResolver()).isNull();
        assertThat(defaults.dnsResolverAddress()).isNull();
        assertThat(defaults.allowPlainHttp()).isFalse();
        assertThat(defaults.allowTestDomains()).isFalse();
        assertThat(defaults.dnsTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.wellKnownPort()).isNull();
    }

    @Test
    void treatsABlankResolverAsTheSystemResolver() {
        assertThat(resolver("  ").dnsResolverAddress()).isNull();
    }

    @Test
    void readsTheResolverAsHostAndPort() {
        assertThat(resolver("127.0.0.1:5353").dnsResolverAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 5353));
        assertThat(resolver("[::1]:5353").dnsResolverAddress()).isEqualTo(new InetSocketAddress("::1", 5353));
        assertThat(resolver("127.0.0.1").dnsResolverAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 53));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:dns", "dns://127.0.0.1:53", "127.0.0.1:53/x", "::1", "user@127.0.0.1:53"})
    void refusesAResolverThatIsNotHostAndPort(String resolver) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolver(resolver))
                .withMessageContaining("dns-resolver must be host:port");
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DomainVerificationProperties(null, false, false, Duration.ZERO, null, null))
                .withMessageContaining("dns-timeout must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new DomainVerificationProperties(null, false, false, null, Duration.ofSeconds(-1), null))
                .withMessageContaining("http-timeout must be positive");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DomainVerificationProperties(null, false, false, null, null, 70000))
                .withMessageContaining("well-known-port must be 1-65535");
    }

    private static DomainVerificationProperties resolver(String resolver) {
        return new DomainVerificationProperties(resolver, false, false, null, null, null);
    }
}
