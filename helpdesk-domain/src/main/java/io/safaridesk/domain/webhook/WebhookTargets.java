package io.safaridesk.domain.webhook;

import io.safaridesk.platform.error.ApiProblem;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may call: absolute {@code https} URLs without credentials whose host resolves only to public
 * addresses (no loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified ones), unless
 * the operator allows http or private targets. Checked when a subscription is saved and again on the resolved
 * addresses at every send, so a host that later points inside the network is refused then.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookTargets {

    private final WebhookProperties properties;

    WebhookTargets(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The URL as a target, or a 422 problem naming {@code field}. */
    public URI check(String field, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ApiProblem.invalidField(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttp())) {
            throw ApiProblem.invalidField(field, "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiProblem.invalidField(field, "must be an absolute URL with a host, no credentials and no fragment");
        }
        try {
            resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw ApiProblem.invalidField(field, e.getMessage());
        }
        return uri;
    }

    /**
     * The addresses of {@code host}, if every one of them may be called; else an {@link UnknownHostException} saying
     * why (so an HTTP client that resolves through here never connects to a refused address).
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        if (!properties.allowPrivateTargets()) {
            List<InetAddress> refused =
                    Arrays.stream(addresses).filter(WebhookTargets::internal).toList();
            if (!refused.isEmpty()) {
                throw new UnknownHostException("resolves to a private, loopback or link-local address ("
                        + refused.getFirst().getHostAddress() + "), which webhooks may not call");
            }
        }
        return addresses;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // this network
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(bytes);
            if (mappedV4) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
