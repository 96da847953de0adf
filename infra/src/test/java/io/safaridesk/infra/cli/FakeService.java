package io.safaridesk.infra.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a SafariDesk service in launcher tests: answers the readiness probe, and shows the database URL that
 * the launcher handed it.
 */
public final class FakeService {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SAFARIDESK_HELPDESK_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/db-url", exchange -> respond(exchange, System.getenv("SAFARIDESK_DB_URL")));
        server.start();
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
