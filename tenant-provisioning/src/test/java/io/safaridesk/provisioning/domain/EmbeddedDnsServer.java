package io.safaridesk.provisioning.domain;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A DNS server inside the JVM standing in for dnsmasq where it is not installed: it answers over UDP and TCP on {@code
 * 127.0.0.1} from the same configuration lines, as {@link DnsmasqZone} describes. Replacing its records swaps them at
 * once, with no restart. Over UDP, an answer too long for the client (512 bytes, or the EDNS payload size it offers) is
 * truncated, so that the client asks again over TCP.
 */
final class EmbeddedDnsServer implements LoopbackDnsServer {

    private static final System.Logger LOG = System.getLogger(EmbeddedDnsServer.class.getName());
    private static final int UDP_PAYLOAD_WITHOUT_EDNS = 512;
    private static final int EDNS_PAYLOAD = 1232;
    private static final Duration IDLE_CONNECTION = Duration.ofSeconds(10);
    private static final Duration STOPPING = Duration.ofSeconds(5);

    private final AtomicReference<DnsmasqZone> zone;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final int port;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread udpListener;
    private final Thread tcpListener;

    private EmbeddedDnsServer(DnsmasqZone zone, DatagramSocket udp, ServerSocket tcp) {
        this.zone = new AtomicReference<>(zone);
        this.udp = udp;
        this.tcp = tcp;
        this.port = udp.getLocalPort();
        this.udpListener =
                Thread.ofPlatform().name("embedded-dns-udp-" + port()).daemon().start(this::serveUdp);
        this.tcpListener =
                Thread.ofPlatform().name("embedded-dns-tcp-" + port()).daemon().start(this::serveTcp);
    }

    /**
     * Starts answering from these configuration lines on a port free for both UDP and TCP.
     *
     * @return ready to answer: its sockets are bound
     * @throws IllegalArgumentException for a line it does not understand
     */
    static EmbeddedDnsServer start(List<String> records) {
        DnsmasqZone zone = DnsmasqZone.of(records);
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(0, ADDRESS);
                var tcp = new ServerSocket(udp.getLocalPort(), 50, ADDRESS);
                return new EmbeddedDnsServer(zone, udp, tcp);
            } catch (IOException taken) {
                if (udp != null) {
                    udp.close();
                }
            }
        }
        throw new UncheckedIOException(new IOException("No port free for both UDP and TCP on loopback"));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void replaceRecords(List<String> records) {
        zone.set(DnsmasqZone.of(records));
    }

    @Override
    public void close() {
        udp.close();
        closeQuietly(tcp);
        connections.forEach(EmbeddedDnsServer::closeQuietly);
        try {
            udpListener.join(STOPPING);
            tcpListener.join(STOPPING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "embedded DNS server on " + ADDRESS.getHostAddress() + ":" + port();
    }

    private void serveUdp() {
        var buffer = new byte[Message.MAXLENGTH];
        while (!udp.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = Arrays.copyOfRange(
                        packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
                byte[] response = respond(query, true);
                if (response != null) {
                    udp.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!udp.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "UDP query not answered", e);
                }
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                connections.add(connection);
                Thread.ofVirtual().name("embedded-dns-tcp-connection").start(() -> serve(connection));
            } catch (IOException e) {
                if (!tcp.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "TCP connection not accepted", e);
                }
            }
        }
    }

    /** Answers length-prefixed queries (RFC 1035 section 4.2.2) until the client closes the connection. */
    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout((int) IDLE_CONNECTION.toMillis());
            var in = new DataInputStream(connection.getInputStream());
            var out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                var query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] response = respond(query, false);
                if (response != null) {
                    out.writeShort(response.length);
                    out.write(response);
                    out.flush();
                }
            }
        } catch (EOFException | SocketException closed) {
            // the client is done, or the server is stopping
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "TCP connection ended", e);
        } finally {
            connections.remove(connection);
        }
    }

    /** The response to a query in wire format, or nothing for bytes too short to answer. */
    private byte @Nullable [] respond(byte[] wire, boolean overUdp) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException malformed) {
            return wire.length < 2 ? null : formatError(wire);
        }
        Message response = zone.get().answer(query);
        OPTRecord offered = query.getOPT();
        if (offered != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        if (!overUdp) {
            return response.toWire(Message.MAXLENGTH);
        }
        int limit = offered == null
                ? UDP_PAYLOAD_WITHOUT_EDNS
                : Math.max(UDP_PAYLOAD_WITHOUT_EDNS, offered.getPayloadSize());
        return response.toWire(limit); // sets TC when the answer does not fit
    }

    private static byte[] formatError(byte[] wire) {
        var response = new Message(((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF));
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.FORMERR);
        return response.toWire();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
