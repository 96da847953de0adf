package io.safaridesk.helpdesk.testing;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A STOMP-over-WebSocket test client of helpdesk-api's {@code /ws}: connects with a workspace token, subscribes, and
 * queues what arrives per destination; ERROR frames and transport failures are queued by their {@code message} header.
 */
public final class Stomp {

    private final WebSocketStompClient client;

    private Stomp(WebSocketStompClient client) {
        this.client = client;
    }

    public static Stomp client() {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setInboundMessageSizeLimit(1024 * 1024);
        return new Stomp(client);
    }

    /** Connects to the instance on {@code port}; {@code token} null sends no Authorization header. */
    public Connection connect(int port, String token) {
        StompHeaders headers = new StompHeaders();
        if (token != null) {
            headers.add("Authorization", "Bearer " + token);
        }
        Connection connection = new Connection();
        client.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), headers, connection);
        return connection;
    }

    /** One client session; what it receives waits in queues. */
    public static final class Connection extends StompSessionHandlerAdapter {

        private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        private final BlockingQueue<StompSession> connected = new LinkedBlockingQueue<>();
        private final Map<String, BlockingQueue<JsonNode>> received = new ConcurrentHashMap<>();
        private volatile StompSession session;

        @Override
        public void afterConnected(StompSession session, StompHeaders headers) {
            this.session = session;
            connected.add(session);
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleException(
                StompSession session, StompCommand command, StompHeaders headers, byte[] payload, Throwable error) {
            errors.add("exception: " + error);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable error) {
            errors.add("transport: " + error);
        }

        /** Waits until CONNECTED; fails with the ERROR frame's message otherwise. */
        public Connection awaitConnected() {
            StompSession ready = poll(connected, Duration.ofSeconds(10));
            if (ready == null) {
                throw new IllegalStateException("not connected: " + errors);
            }
            return this;
        }

        public BlockingQueue<JsonNode> subscribe(String destination) {
            BlockingQueue<JsonNode> queue = received.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
            session.subscribe(destination, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    queue.add(JsonMapper.shared().readTree(new String((byte[]) payload, StandardCharsets.UTF_8)));
                }
            });
            return queue;
        }

        public void send(String destination, String body) {
            session.send(destination, body.getBytes(StandardCharsets.UTF_8));
        }

        /** The next ERROR frame's {@code message} header (or a transport failure), or null after {@code wait}. */
        public String nextError(Duration wait) {
            return poll(errors, wait);
        }

        public boolean isConnected() {
            return session != null && session.isConnected();
        }

        public void disconnect() {
            if (session != null && session.isConnected()) {
                session.disconnect();
            }
        }

        private static <T> T poll(BlockingQueue<T> queue, Duration wait) {
            try {
                return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
