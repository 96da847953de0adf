package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WellKnownFileCheckUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "255.255.255.255",
                "::1",
                "fe80::1",
                "fd00:ec2::254"
            })
    void treatsLoopbackPrivateAndLinkLocalAddressesAsNonPublic(String address) throws UnknownHostException {
        assertThat(WellKnownFileCheck.isNonPublic(InetAddress.getByName(address)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"})
    void treatsInternetAddressesAsPublic(String address) throws UnknownHostException {
        assertThat(WellKnownFileCheck.isNonPublic(InetAddress.getByName(address)))
                .isFalse();
    }

    @Test
    void fetchesOverHttpsOnTheDefaultPortInProduction() {
        try (var check = new WellKnownFileCheck(DomainVerificationProperties.defaults(), tls())) {
            assertThat(check.location(DomainName.of("acme.com")))
                    .hasToString("https://acme.com/.well-known/safaridesk-verification.txt");
        }
    }

    @Test
    void fetchesOverPlainHttpOnTheConfiguredPortInDevelopment() {
        var development = new DomainVerificationProperties(null, true, true, null, null, 8081);
        try (var check = new WellKnownFileCheck(development, tls())) {
            assertThat(check.location(DomainName.of("acme.test")))
                    .hasToString("http://acme.test:8081/.well-known/safaridesk-verification.txt");
        }
    }

    private static javax.net.ssl.SSLContext tls() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
