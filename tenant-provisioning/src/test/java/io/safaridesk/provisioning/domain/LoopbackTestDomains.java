package io.safaridesk.provisioning.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Makes every name under the reserved {@code .test} top-level domain resolve to {@code 127.0.0.1} in the test JVM, as
 * a hosts file entry would, so that the well-known file check reaches {@code http://acme.test:<port>} on loopback
 * exactly as it reaches a real domain in production. Every other name goes to the JVM's built-in resolver. Registered
 * in {@code META-INF/services}, ahead of dnsjava's provider (which defers to the built-in one unless enabled).
 */
public final class LoopbackTestDomains extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.toLowerCase(Locale.ROOT).endsWith(".test")) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "SafariDesk tests: .test names on loopback";
    }
}
