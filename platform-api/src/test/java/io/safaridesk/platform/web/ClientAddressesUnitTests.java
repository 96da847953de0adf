package io.safaridesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesUnitTests {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "::1"));

    @Test
    void ignoresTheForwardedHeaderOfAnUntrustedPeer() {
        assertThat(addresses.of(request("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheRightMostUntrustedHopBehindTrustedProxies() {
        assertThat(addresses.of(request("10.1.2.3", "6.6.6.6, 198.51.100.9, 10.0.0.5")))
                .isEqualTo("198.51.100.9");
        assertThat(addresses.of(request("::1", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void fallsBackToThePeerWhenTheHeaderIsMissingOrNotAnAddress() {
        assertThat(addresses.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(request("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
    }

    @Test
    void trustsNoOneByDefaultAndRefusesAMalformedRange() {
        assertThat(new ClientAddresses(null).of(request("127.0.0.1", "1.2.3.4")))
                .isEqualTo("127.0.0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.internal")));
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
