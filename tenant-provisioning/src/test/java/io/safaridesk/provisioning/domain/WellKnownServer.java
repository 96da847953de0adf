package io.safaridesk.provisioning.domain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP(S) server on loopback standing in for a business's web site; {@link #port()} is its port. */
final class WellKnownServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private WellKnownServer(HttpServer server) {
        this.server = server;
        server.start();
    }

    /** A plain http server. */
    static WellKnownServer http() {
        try {
            return new WellKnownServer(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An https server presenting {@code certificate}. */
    static WellKnownServer https(TestCertificate certificate) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.server()));
            return new WellKnownServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How many requests it has answered. */
    int requests() {
        return requests.get();
    }

    /** Answers GET {@code path} with 200 and {@code body} as text. */
    WellKnownServer serving(String path, String body) {
        server.createContext(path, exchange -> respond(exchange, 200, body));
        return this;
    }

    /** Answers GET {@code path} with {@code status} and no body. */
    WellKnownServer answering(String path, int status) {
        server.createContext(path, exchange -> respond(exchange, status, ""));
        return this;
    }

    /** Answers GET {@code path} with a 302 to {@code location}. */
    WellKnownServer redirecting(String path, String location) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            respond(exchange, 302, "");
        });
        return this;
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        requests.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGaveUp) {
            // the verifier stops reading an oversized body
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
