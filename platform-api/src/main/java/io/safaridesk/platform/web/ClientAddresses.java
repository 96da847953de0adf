package io.safaridesk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The client address of a request, for rate limits: the connection's peer, unless the peer is one of the configured
 * trusted proxies ({@code safaridesk.http.trusted-proxies}, addresses or CIDR ranges); then the right-most address of
 * {@code X-Forwarded-For} that is not a trusted proxy. A header from anyone else is ignored, so a client cannot pick
 * its own address.
 */
@ConfigurationProperties("safaridesk.http")
public record ClientAddresses(List<String> trustedProxies) {

    public ClientAddresses {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        trustedProxies.forEach(Range::parse);
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        List<String> hops =
                Arrays.stream(forwarded.split(",")).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return Range.isAddress(hops.get(i)) ? hops.get(i) : peer;
            }
        }
        return hops.getFirst();
    }

    private boolean trusted(String address) {
        return Range.isAddress(address)
                && trustedProxies.stream().anyMatch(r -> Range.parse(r).contains(address));
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            String[] parts = cidr.strip().split("/");
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr);
            }
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            return new Range(network, prefix);
        }

        static boolean isAddress(String value) {
            return literal(value) != null;
        }

        boolean contains(String address) {
            byte[] candidate = literal(address);
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
        private static byte[] literal(String value) {
            if (value == null || !value.matches("[0-9a-fA-F:.]+") || value.isEmpty()) {
                return null;
            }
            try {
                return InetAddress.getByName(value).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
