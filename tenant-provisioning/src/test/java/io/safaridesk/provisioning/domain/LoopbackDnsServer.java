package io.safaridesk.provisioning.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A DNS server on {@code 127.0.0.1} answering from dnsmasq configuration lines ({@code txt-record=...}, {@code
 * host-record=...}), authoritative for {@code .test}: what {@link Dnsmasq} runs, either dnsmasq itself ({@link
 * DnsmasqProcess}) or a stand-in inside the JVM ({@link EmbeddedDnsServer}).
 */
interface LoopbackDnsServer extends AutoCloseable {

    /** Where both kinds listen; {@link Dnsmasq#hostAndPort()} names it. */
    InetAddress ADDRESS = ipv4Loopback();

    /** The UDP (and TCP) port it listens on. */
    int port();

    /** Answers from these configuration lines from now on, on the same port. */
    void replaceRecords(List<String> records);

    /** Stops answering and frees the port. */
    @Override
    void close();

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes make an IPv4 address", e);
        }
    }
}
