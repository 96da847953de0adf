package io.safaridesk.provisioning.domain;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Looks for the token in {@code https://<domain>/.well-known/safaridesk-verification.txt}: status 200 and a body that,
 * trimmed, is the token. Redirects are followed only on the domain itself, and never from https to plain http unless
 * plain http is allowed; the body is read up to 4 KB; each request ends after the HTTP timeout. Unless test domains are
 * allowed, a domain that resolves to a loopback, private or link-local address is not fetched at all, so that sign-up
 * cannot be used to probe SafariDesk's own network.
 */
final class WellKnownFileCheck implements AutoCloseable {

    static final String PATH = "/.well-known/safaridesk-verification.txt";
    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "SafariDesk-DomainVerifier/1";

    private final HttpClient client;
    private final boolean allowPlainHttp;
    private final boolean allowPrivateAddresses;
    private final @Nullable Integer port;
    private final Duration timeout;

    /**
     * @param properties plain http, private addresses (with test domains), port and timeout
     * @param tls the TLS set-up: the JVM's default in production, one trusting a test certificate in tests
     */
    WellKnownFileCheck(DomainVerificationProperties properties, SSLContext tls) {
        this.allowPlainHttp = properties.allowPlainHttp();
        this.allowPrivateAddresses = properties.allowTestDomains();
        this.port = properties.wellKnownPort();
        this.timeout = properties.httpTimeout();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .sslContext(tls)
                .build();
    }

    URI location(DomainName domain) {
        try {
            return new URI(
                    allowPlainHttp ? "http" : "https",
                    null,
                    domain.value(),
                    port == null ? -1 : port,
                    PATH,
                    null,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A valid domain name makes a valid URI: " + domain, e);
        }
    }

    CheckOutcome check(DomainName domain, VerificationToken expected) {
        URI uri = location(domain);
        for (int redirects = 0; ; redirects++) {
            Optional<String> refused = refusedAddress(uri);
            if (refused.isPresent()) {
                return CheckOutcome.failed(refused.get());
            }
            HttpResponse<CappedBody> response;
            try {
                response = get(uri);
            } catch (IOException | TimeoutException e) {
                return CheckOutcome.failed(transportFailure(uri, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckOutcome.failed("the check of " + uri + " was interrupted");
            }
            if (!REDIRECTS.contains(response.statusCode())) {
                return compare(uri, response, expected);
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                return CheckOutcome.failed(uri + " answered HTTP " + response.statusCode() + " without a Location");
            }
            if (redirects == MAX_REDIRECTS) {
                return CheckOutcome.failed(uri + " redirects more than " + MAX_REDIRECTS + " times");
            }
            URI next;
            try {
                next = uri.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return CheckOutcome.failed(uri + " redirects to an invalid location");
            }
            Optional<String> refusedRedirect = refusedRedirect(domain, uri, next);
            if (refusedRedirect.isPresent()) {
                return CheckOutcome.failed(refusedRedirect.get());
            }
            uri = next;
        }
    }

    private HttpResponse<CappedBody> get(URI uri) throws IOException, InterruptedException, TimeoutException {
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/plain")
                .GET()
                .build();
        CompletableFuture<HttpResponse<CappedBody>> exchange =
                client.sendAsync(request, info -> CappedBody.subscriber(MAX_BODY_BYTES));
        try {
            // the request timeout covers the answer's headers; this deadline covers a body that trickles in
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            exchange.cancel(true);
        }
    }

    private CheckOutcome compare(URI uri, HttpResponse<CappedBody> response, VerificationToken expected) {
        if (response.statusCode() != 200) {
            return CheckOutcome.failed(uri + " answered HTTP " + response.statusCode());
        }
        CappedBody body = response.body();
        if (body.oversized()) {
            return CheckOutcome.failed(
                    uri + " answered with more than " + MAX_BODY_BYTES + " bytes; it must hold the token alone");
        }
        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        if (expected.matches(text)) {
            return CheckOutcome.passed(uri.toString());
        }
        return CheckOutcome.failed(
                uri + " holds " + Reasons.quoted(text.strip()) + ", not the token " + expected.value());
    }

    private Optional<String> refusedRedirect(DomainName domain, URI from, URI to) {
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of(from + " redirects to " + to + ", which is not an https address");
        }
        if (to.getHost() == null || !to.getHost().equalsIgnoreCase(domain.value())) {
            return Optional.of(from + " redirects to another host (" + to.getHost()
                    + "); redirects are followed only within " + domain);
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            return Optional.of(
                    from + " redirects to plain http (" + to + "), which is refused: serve the file over https");
        }
        return Optional.empty();
    }

    private Optional<String> refusedAddress(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(uri.getHost() + " has no address, so " + uri + " cannot be fetched");
        }
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isNonPublic(address)) {
                return Optional.of(uri.getHost() + " resolves to the non-public address " + address.getHostAddress()
                        + ", so " + uri + " is not fetched");
            }
        }
        return Optional.empty();
    }

    static boolean isNonPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        if (bytes.length == 4) {
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, RFC 6598
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, RFC 2544
                    || first >= 240; // reserved and broadcast
        }
        return (first & 0xfe) == 0xfc; // unique local IPv6, fc00::/7
    }

    private String transportFailure(URI uri, Exception failure) {
        String what = switch (failure) {
            case HttpConnectTimeoutException e ->
                "no connection to " + authority(uri) + " within " + Reasons.seconds(timeout);
            case HttpTimeoutException e -> uri + " did not answer within " + Reasons.seconds(timeout);
            case TimeoutException e -> uri + " did not answer within " + Reasons.seconds(timeout);
            case ConnectException e -> "could not connect to " + authority(uri) + " (connection refused)";
            case SSLException e -> "the TLS handshake with " + authority(uri) + " failed (" + e.getMessage() + ")";
            default -> "could not fetch " + uri + " (" + failure.getMessage() + ")";
        };
        return "https".equals(uri.getScheme()) && !allowPlainHttp
                ? what + "; the file is fetched over https only, plain http is not accepted"
                : what;
    }

    private static String authority(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    @Override
    public void close() {
        client.close();
    }
}
