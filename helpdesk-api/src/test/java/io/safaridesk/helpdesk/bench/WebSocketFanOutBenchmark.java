package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.events.EventTopology;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * WebSocket fan-out: connects N STOMP clients (one WebSocket each, one shared client in this JVM) to one helpdesk-api
 * instance, all subscribed to a workspace's ticket topic, then publishes one ticket event straight to the {@code
 * safaridesk.events} exchange and measures the time until the last client has it (and the median), over several
 * rounds. Publishing to the exchange leaves out the outbox relay's poll interval. Run by {@code
 * infra/bench/websocket-fanout.sh}; not a test.
 *
 * <p>Arguments: {@code <clients> <rounds>}.
 */
public final class WebSocketFanOutBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TestWorkspace workspace = TestWorkspaces.provision("fanout");
        String token = workspace.token(workspace.admin());
        String topic = "/topic/workspaces/" + workspace.slug().value() + "/tickets";
        try (ConfigurableApplicationContext api = TicketBenchmark.helpdeskApi()) {
            int port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
            Api client = Api.at(port);
            Api.Reply created = client.send(
                    HttpMethod.POST,
                    "/api/v1/tickets",
                    token,
                    Map.of(
                            "subject", "Fan-out",
                            "description", "<p>one event, many clients</p>",
                            "requester", Map.of("name", "Req", "email", "req@example.org")));
            long ticketId = created.body().get("id").asLong();

            WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.initialize();
            stomp.setTaskScheduler(scheduler);
            long[] arrivals = new long[clients];
            String[] expected = new String[1];
            CountDownLatch[] latch = new CountDownLatch[1];
            List<StompSession> sessions = new ArrayList<>();
            long connecting = System.nanoTime();
            Semaphore inFlight = new Semaphore(50);
            List<CompletableFuture<StompSession>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                inFlight.acquire();
                StompHeaders connect = new StompHeaders();
                connect.add("Authorization", "Bearer " + token);
                CompletableFuture<StompSession> future = stomp.connectAsync(
                        "ws://127.0.0.1:" + port + "/ws",
                        new WebSocketHttpHeaders(),
                        connect,
                        new StompSessionHandlerAdapter() {
                            @Override
                            public void afterConnected(StompSession session, StompHeaders headers) {
                                session.subscribe(topic, new StompFrameHandler() {
                                    @Override
                                    public Type getPayloadType(StompHeaders headers) {
                                        return byte[].class;
                                    }

                                    @Override
                                    public void handleFrame(StompHeaders headers, Object payload) {
                                        String body = new String((byte[]) payload, StandardCharsets.UTF_8);
                                        if (expected[0] != null && body.contains(expected[0])) {
                                            arrivals[index] = System.nanoTime();
                                            latch[0].countDown();
                                        }
                                    }
                                });
                            }
                        });
                future.whenComplete((session, error) -> inFlight.release());
                futures.add(future);
            }
            for (CompletableFuture<StompSession> future : futures) {
                sessions.add(future.get(60, TimeUnit.SECONDS));
            }
            System.out.printf(
                    "connected %d STOMP clients in %d ms%n", clients, (System.nanoTime() - connecting) / 1_000_000);
            Thread.sleep(2_000); // let the last SUBSCRIBE frames register

            RabbitTemplate rabbit = api.getBean(RabbitTemplate.class);
            List<Double> lasts = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String id = UUID.randomUUID().toString();
                Arrays.fill(arrivals, 0);
                expected[0] = id;
                latch[0] = new CountDownLatch(clients);
                long sent = System.nanoTime();
                rabbit.send(EventTopology.EVENTS_EXCHANGE, "ticket.updated", event(workspace, id, ticketId));
                boolean all = latch[0].await(60, TimeUnit.SECONDS);
                long[] delays = Arrays.stream(arrivals)
                        .filter(at -> at != 0)
                        .map(at -> at - sent)
                        .sorted()
                        .toArray();
                double last = delays[delays.length - 1] / 1e6;
                lasts.add(last);
                System.out.printf(
                        "round %d: %d/%d clients received it; first %.1f ms, median %.1f ms, last %.1f ms%s%n",
                        round + 1,
                        delays.length,
                        clients,
                        delays[0] / 1e6,
                        delays[delays.length / 2] / 1e6,
                        last,
                        all ? "" : " (timed out)");
                Thread.sleep(500);
            }
            lasts.sort(Double::compare);
            System.out.printf(
                    "fan-out of one event to %d clients: time until the last receives it, median of %d rounds %.1f ms"
                            + " (best %.1f, worst %.1f)%n",
                    clients, rounds, lasts.get(lasts.size() / 2), lasts.get(0), lasts.get(lasts.size() - 1));
            sessions.forEach(StompSession::disconnect);
        }
        System.exit(0);
    }

    private static Message event(TestWorkspace workspace, String id, long ticketId) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(id);
        properties.setType("ticket.updated");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader("x-safaridesk-tenant", workspace.slug().value());
        String json = "{\"ticket_id\":" + ticketId
                + ",\"number\":1,\"changes\":[],\"actor_id\":null,\"at\":\"2026-01-01T00:00:00Z\"}";
        return new Message(json.getBytes(StandardCharsets.UTF_8), properties);
    }
}
