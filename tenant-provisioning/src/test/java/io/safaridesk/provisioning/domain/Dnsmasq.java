package io.safaridesk.provisioning.domain;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A real DNS server for tests on {@code 127.0.0.1} and a free port, answering over UDP and TCP from dnsmasq
 * configuration lines (e.g. {@link #txtRecord(String, String...)}s and {@code host-record=<name>,<ip>}), authoritative
 * for {@code .test} (unknown names there are NXDOMAIN) and asking no upstream server. {@link #restartWith(String...)}
 * replaces its records on the same port, as a DNS provider publishing a change would.
 *
 * <p>It runs dnsmasq where it is installed (as on CI), and otherwise a DNS server inside the JVM that serves the same
 * lines the same way, so that the tests run, for real, on a machine with nothing but a JDK. Setting the environment
 * variable {@value #FORCE_EMBEDDED} chooses the one inside the JVM even where dnsmasq is installed.
 */
public final class Dnsmasq implements AutoCloseable {

    /** Set (to anything) to use the DNS server inside the JVM even where dnsmasq is installed. */
    public static final String FORCE_EMBEDDED = "SAFARIDESK_EMBEDDED_DNS";

    private final LoopbackDnsServer server;

    private Dnsmasq(LoopbackDnsServer server) {
        this.server = server;
    }

    /**
     * Starts a DNS server answering from these configuration lines, e.g. {@link #txtRecord(String, String...)}s.
     *
     * @return once it answers queries
     */
    public static Dnsmasq start(String... records) {
        List<String> lines = List.of(records);
        Optional<Path> binary = System.getenv(FORCE_EMBEDDED) == null ? DnsmasqProcess.find() : Optional.empty();
        return new Dnsmasq(binary.<LoopbackDnsServer>map(found -> DnsmasqProcess.start(found, lines))
                .orElseGet(() -> EmbeddedDnsServer.start(lines)));
    }

    /** A {@code txt-record} line: one TXT record at {@code name} made of these character strings. */
    public static String txtRecord(String name, String... strings) {
        return "txt-record=" + name + ","
                + Arrays.stream(strings).map(Dnsmasq::quoted).collect(Collectors.joining(","));
    }

    /** Where it listens, as {@code safaridesk.domain-verification.dns-resolver} takes it. */
    public String hostAndPort() {
        return LoopbackDnsServer.ADDRESS.getHostAddress() + ":" + server.port();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(LoopbackDnsServer.ADDRESS, server.port());
    }

    /** Replaces its records with these, on the same port. */
    public void restartWith(String... records) {
        server.replaceRecords(List.of(records));
    }

    @Override
    public void close() {
        server.close();
    }

    /** Which server it runs, and where. */
    @Override
    public String toString() {
        return server.toString();
    }

    private static String quoted(String string) {
        return '"' + string.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
