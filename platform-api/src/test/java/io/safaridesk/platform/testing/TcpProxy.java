package io.safaridesk.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A TCP proxy on a free loopback port in front of a test service (the embedded Keycloak, or PostgreSQL), that a test
 * turns into a slow or broken one: answers that come late, a service that accepts connections and never answers, or
 * one that is stopped (connections refused, open ones dropped on both sides, as a restart does).
 *
 * <p>Latency applies to the answer of a request whose first line matches the chosen filter (all by default), so that
 * one kind of call can be made late while the others go through.
 */
public final class TcpProxy implements AutoCloseable {

    /** How the proxy treats traffic. */
    public enum Mode {
        /** Forwards both ways, answers delayed by {@link #latency(Duration, Predicate)}. */
        FORWARD,
        /** Accepts connections and reads requests, but forwards nothing and never answers. */
        SILENT,
        /** Closes every connection at once and refuses new ones, like a stopped service. */
        STOPPED
    }

    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> upstreams = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket server;
    private volatile Mode mode = Mode.FORWARD;
    private volatile Duration latency = Duration.ZERO;
    private volatile Predicate<String> delayed = requestLine -> true;

    /** Set by a request to delay, cleared by the answer it delays. */
    private static final class Flag {
        volatile boolean set;
    }

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy to the service at {@code url} (its host and port), forwarding until told otherwise. */
    public static TcpProxy to(URI url) {
        try {
            int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            return new TcpProxy(new InetSocketAddress(url.getHost(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code url} with its host and port replaced by the proxy's. */
    public URI url(URI url) {
        return URI.create(
                url.getScheme() + "://127.0.0.1:" + port + (url.getRawPath() == null ? "" : url.getRawPath()));
    }

    /** Delays the answer to each request whose first line ({@code POST /admin/realms HTTP/1.1}) matches. */
    public TcpProxy latency(Duration delay, Predicate<String> requestLine) {
        this.latency = delay;
        this.delayed = requestLine;
        return mode(Mode.FORWARD);
    }

    /** Forwards again, without latency; a stopped proxy listens again on its port. */
    public TcpProxy heal() {
        latency = Duration.ZERO;
        return mode(Mode.FORWARD);
    }

    /** Accepts and never answers; connections already open stop answering too. */
    public TcpProxy silent() {
        return mode(Mode.SILENT);
    }

    /** Refuses connections and drops the open ones. */
    public TcpProxy stop() {
        return mode(Mode.STOPPED);
    }

    private synchronized TcpProxy mode(Mode next) {
        Mode previous = mode;
        mode = next;
        try {
            if (next == Mode.STOPPED && previous != Mode.STOPPED) {
                server.close();
                closeAll();
            } else if (next != Mode.STOPPED && previous == Mode.STOPPED) {
                ServerSocket again = new ServerSocket();
                again.setReuseAddress(true);
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                server = again;
                accept(again);
            } else if (next == Mode.SILENT) {
                // the client's pooled connections must stop answering as well, not only new ones
                closeUpstreams();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void accept(ServerSocket listening) {
        threads.submit(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    open.add(client);
                    threads.submit(() -> serve(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket client) {
        if (mode == Mode.FORWARD) {
            try (Socket upstream = new Socket()) {
                upstream.connect(target, 5_000);
                upstreams.add(upstream);
                Flag delayNext = new Flag();
                threads.submit(() -> pipe(client, upstream, delayNext, true));
                pipe(upstream, client, delayNext, false);
            } catch (IOException targetDown) {
                // as if the target refused: the client sees its connection closed
            }
        }
        if (mode == Mode.SILENT) {
            drain(client); // a connection the client already holds in its pool hangs as well
        }
        close(client);
    }

    /** Copies until either side closes; going silent stops it without closing the client's connection. */
    private void pipe(Socket from, Socket to, Flag delayNext, boolean requests) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0 && mode == Mode.FORWARD; read = in.read(buffer)) {
                if (requests) {
                    String head = new String(buffer, 0, Math.min(read, 200), StandardCharsets.ISO_8859_1);
                    int end = head.indexOf("\r\n");
                    if (end > 0 && head.contains(" HTTP/1.") && delayed.test(head.substring(0, end))) {
                        delayNext.set = true;
                    }
                } else if (delayNext.set) {
                    delayNext.set = false;
                    Thread.sleep(latency);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        }
        if (mode == Mode.FORWARD) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Reads and discards what the client sends, answering nothing, until it gives up. */
    private void drain(Socket client) {
        byte[] buffer = new byte[4096];
        try {
            InputStream in = client.getInputStream();
            while (mode == Mode.SILENT && in.read(buffer) >= 0) {
                // discarded
            }
        } catch (IOException e) {
            // the client timed out and closed
        }
    }

    private void closeUpstreams() {
        upstreams.forEach(TcpProxy::closeQuietly);
        upstreams.clear();
    }

    /**
     * Drops both sides of every connection, as a restart of the service does: a PostgreSQL backend whose client
     * vanished would otherwise stay and hold its transaction's locks.
     */
    private void closeAll() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
        closeUpstreams();
    }

    private void close(Socket socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        mode = Mode.STOPPED;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        closeAll();
        threads.shutdownNow();
    }
}
