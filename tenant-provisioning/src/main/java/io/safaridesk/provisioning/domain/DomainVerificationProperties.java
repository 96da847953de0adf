package io.safaridesk.provisioning.domain;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of domain verification, under {@code safaridesk.domain-verification}. The defaults are production's; the
 * two {@code allow-*} switches are for tests and local development only.
 *
 * @param dnsResolver the DNS server to ask, {@code host:port} ({@code [v6-address]:port} for IPv6; the port defaults to
 *     53); unset or blank for the system's resolvers
 * @param allowPlainHttp fetch the well-known file over plain {@code http://} (and follow redirects to plain http)
 *     instead of requiring https; development only
 * @param allowTestDomains accept names reserved for testing ({@code *.test}, {@code example.com}, ...), and let the
 *     well-known file come from loopback and private addresses, where such names point
 * @param dnsTimeout how long the DNS check may take, 3 s unless set
 * @param httpTimeout how long each well-known file request may take, 5 s unless set
 * @param wellKnownPort the port to fetch the well-known file from; unset for the scheme's port (443, or 80 for plain
 *     http)
 */
@ConfigurationProperties("safaridesk.domain-verification")
public record DomainVerificationProperties(
        @Nullable String dnsResolver,
        boolean allowPlainHttp,
        boolean allowTestDomains,
        @Nullable Duration dnsTimeout,
        @Nullable Duration httpTimeout,
        @Nullable Integer wellKnownPort) {

    static final Duration DEFAULT_DNS_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final int DNS_PORT = 53;

    public DomainVerificationProperties {
        dnsResolver = dnsResolver == null || dnsResolver.isBlank() ? null : dnsResolver.strip();
        dnsTimeout = positiveOrDefault(dnsTimeout, DEFAULT_DNS_TIMEOUT, "dns-timeout");
        httpTimeout = positiveOrDefault(httpTimeout, DEFAULT_HTTP_TIMEOUT, "http-timeout");
        if (wellKnownPort != null && (wellKnownPort < 1 || wellKnownPort > 65535)) {
            throw new IllegalArgumentException(
                    "safaridesk.domain-verification.well-known-port must be 1-65535, not " + wellKnownPort);
        }
        if (dnsResolver != null) {
            parseResolver(dnsResolver);
        }
    }

    /** Production settings: the system's resolvers, https only, no test domains. */
    public static DomainVerificationProperties defaults() {
        return new DomainVerificationProperties(null, false, false, null, null, null);
    }

    /** {@link #dnsResolver()} as an address, {@code null} for the system's resolvers. */
    @Nullable
    InetSocketAddress dnsResolverAddress() {
        return dnsResolver == null ? null : parseResolver(dnsResolver);
    }

    private static InetSocketAddress parseResolver(String hostAndPort) {
        URI uri;
        try {
            uri = URI.create("dns://" + hostAndPort);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawPath().length() > 0 || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "safaridesk.domain-verification.dns-resolver must be host:port, not '" + hostAndPort + "'");
        }
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new InetSocketAddress(host, uri.getPort() == -1 ? DNS_PORT : uri.getPort());
    }

    private static Duration positiveOrDefault(@Nullable Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "safaridesk.domain-verification." + name + " must be positive, not " + value);
        }
        return value;
    }
}
