package io.safaridesk.infra.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a SafariDesk service in launcher tests: answers the readiness probe, shows the database URL that the
 * launcher handed it, and like the worker consumes from the stack's AMQP broker until it is told to stop, taking a
 * moment to close its connection the way Spring's graceful shutdown does.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("SAFARIDESK_HELPDESK_PORT"));
        Connection amqp = consumer(System.getenv("SAFARIDESK_AMQP_URL"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(500);
                amqp.close();
            } catch (Exception e) {
                System.err.println("could not close the AMQP connection: " + e);
            }
        }));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/db-url", exchange -> respond(exchange, System.getenv("SAFARIDESK_DB_URL")));
        server.start();
    }

    private static Connection consumer(String url) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url);
        Connection connection = factory.newConnection("fake-service");
        Channel channel = connection.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.basicConsume(queue, true, new DefaultConsumer(channel));
        return connection;
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
