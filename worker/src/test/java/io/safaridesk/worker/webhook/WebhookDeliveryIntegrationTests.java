package io.safaridesk.worker.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.automation.AutomationRules;
import io.safaridesk.domain.automation.RuleKind;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.domain.webhook.WebhookDelivery;
import io.safaridesk.domain.webhook.WebhookSubscription;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks from real ticket events through the outbox, RabbitMQ and the worker to a real HTTP receiver that checks the
 * Standard Webhooks signature; local receivers allowed here, as an operator would for development.
 */
@WorkerIntegrationTest
@TestPropertySource(
        properties = {
            "safaridesk.webhooks.allow-http=true",
            "safaridesk.webhooks.allow-private-targets=true",
            "safaridesk.webhooks.retry-delays=200ms,400ms",
            "safaridesk.webhooks.response-timeout=1s"
        })
class WebhookDeliveryIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailDelivery mail;

    @Autowired
    JsonMapper json;

    @Autowired
    AutomationRules rules;

    WorkerTestWorkspace workspace;
    Actor ann;
    Receiver receiver;

    @BeforeEach
    void workspace() throws IOException {
        workspace = workspaces.create();
        ann = workspace.agent("Ann", Actor.Role.ADMIN);
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Webhooks.WithSecret subscribe(String path, String... types) {
        return workspace.inTransaction(
                () -> webhooks.create(new Webhooks.Draft(receiver.url(path), "test", List.of(types), null), ann));
    }

    private List<Receiver.Received> awaitReceived(String path, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            relay.drain();
                            dispatcher.drain(workspace.slug());
                            return receiver.received(path);
                        },
                        received -> received.size() >= count);
    }

    private List<WebhookDelivery> deliveries(WebhookSubscription subscription) {
        return workspace.inTransaction(() -> webhooks.deliveries(subscription.id(), Long.MAX_VALUE, 100));
    }

    private Ticket ticket(String subject) {
        return workspace.ticket(ann, subject, "jo-" + UUID.randomUUID() + "@customer.test", Channel.WEB);
    }

    @Test
    void aTriggersCallWebhookActionSendsOneSignedMessageThroughTheDeliveryLog() {
        Webhooks.WithSecret hook = subscribe("/automation", "ticket.deleted");
        workspace.inTransaction(() -> rules.create(
                RuleKind.TRIGGER,
                new AutomationRules.Draft(
                        "Tell the CRM",
                        true,
                        null,
                        List.of("created"),
                        json.readTree("[]"),
                        json.readTree("[{\"type\":\"add_tags\",\"value\":\"crm\"},{\"type\":\"call_webhook\",\"value\":"
                                + hook.subscription().id() + "}]"),
                        null),
                ann));

        Ticket ticket = ticket("Call the CRM");

        Receiver.Received called = awaitReceived("/automation", 1).getFirst();
        assertThat(called.signedWith(hook.secret())).isTrue();
        JsonNode body = json.readTree(called.body());
        assertThat(body.get("type").asString()).isEqualTo("automation.fired");
        assertThat(body.get("data").get("rule_name").asString()).isEqualTo("Tell the CRM");
        assertThat(body.get("data").get("rule_kind").asString()).isEqualTo("trigger");
        assertThat(body.get("data").get("ticket_id").asLong()).isEqualTo(ticket.id());
        assertThat(body.get("data").get("tags").get(0).asString())
                .as("after the actions before it")
                .isEqualTo("crm");
        assertThat(deliveries(hook.subscription()))
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED));
    }

    @Test
    void aTicketEventReachesTheReceiverSignedPerStandardWebhooksLoggedAndRedeliverable() {
        Webhooks.WithSecret hook = subscribe("/hook", "ticket.created", "ticket.status-changed");
        Webhooks.WithSecret other = subscribe("/sla", "sla.breached");
        Webhooks.WithSecret off = subscribe("/off", "ticket.created");
        workspace.inTransaction(() -> webhooks.update(
                off.subscription().id(),
                new Webhooks.Draft(receiver.url("/off"), null, List.of("ticket.created"), false),
                null));

        Ticket ticket = ticket("Webhook me");

        Receiver.Received first = awaitReceived("/hook", 1).getFirst();
        assertThat(first.signedWith(hook.secret())).isTrue();
        assertThat(first.signedWith(other.secret())).isFalse();
        assertThat(first.fresh()).isTrue();
        assertThat(first.id()).startsWith("msg_");
        JsonNode body = json.readTree(first.body());
        assertThat(body.get("type").asString()).isEqualTo("ticket.created");
        assertThat(body.get("workspace").asString()).isEqualTo(workspace.slug().value());
        assertThat(body.get("timestamp").asString()).isNotBlank();
        assertThat(body.get("data").get("ticket_id").asLong()).isEqualTo(ticket.id());
        assertThat(body.get("data").get("subject").asString()).isEqualTo("Webhook me");
        WebhookDelivery logged = deliveries(hook.subscription()).getFirst();
        assertThat(logged.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(logged.lastStatus()).isEqualTo(200);
        assertThat(logged.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(logged.responseExcerpt()).isEqualTo("ok");
        assertThat(logged.messageId()).isEqualTo(first.id());

        workspace.inTransaction(() -> webhooks.redeliver(hook.subscription().id(), logged.id()));
        Receiver.Received again = awaitReceived("/hook", 2).get(1);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.signedWith(hook.secret())).isTrue();
        assertThat(deliveries(hook.subscription()).getFirst().attempts()).isEqualTo(2);

        UUID event = UUID.fromString(first.id().substring("msg_".length()));
        assertThat(TenantContext.callAs(workspace.slug(), () -> webhooks.fanOut("ticket.created", event, "{}")))
                .as("the same event again adds no delivery")
                .isZero();
        assertThat(receiver.received("/sla")).isEmpty();
        assertThat(receiver.received("/off")).isEmpty();
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenTheWebhookIsDisabledAndItsAdminsMailed() {
        receiver.answer(Receiver.status(500, "boom"));
        Webhooks.WithSecret hook = subscribe("/down", "ticket.created");

        ticket("Nobody listens");

        List<Receiver.Received> attempts = awaitReceived("/down", 3);
        WebhookDelivery failed = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> deliveries(hook.subscription()).getFirst(),
                        d -> d.status() == WebhookDelivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastStatus()).isEqualTo(500);
        assertThat(failed.responseExcerpt()).isEqualTo("boom");
        assertThat(attempts)
                .extracting(Receiver.Received::id)
                .containsOnly(attempts.getFirst().id());
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        WebhookSubscription disabled =
                workspace.inTransaction(() -> webhooks.get(hook.subscription().id()));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("failed 3 times").contains("HTTP 500");
        String admin = workspace.emailOf(ann);
        Inbox.Mail told = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            mail.drain();
                            return Inbox.of(admin);
                        },
                        mails -> !mails.isEmpty())
                .getFirst();
        assertThat(told.subject()).isEqualTo("Webhook disabled: " + receiver.url("/down"));
        assertThat(told.text()).contains("failed 3 times");

        ticket("Still nobody");
        relay.drain();
        dispatcher.drain(workspace.slug());
        assertThat(receiver.received("/down"))
                .as("a disabled webhook gets nothing new")
                .hasSize(3);
    }

    @Test
    void redirectsAreNotFollowedAndSlowOrLargeAnswersAreCut() {
        receiver.answer(exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/moved" -> {
                    exchange.getResponseHeaders().add("Location", receiver.url("/elsewhere"));
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(2500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(200, -1);
                }
                default -> {
                    byte[] big = "x".repeat(1_000_000).getBytes();
                    exchange.sendResponseHeaders(200, big.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(big);
                    } catch (IOException closedEarly) {
                        // the sender stops reading at its cap
                    }
                }
            }
        });
        Webhooks.WithSecret moved = subscribe("/moved", "ticket.created");
        Webhooks.WithSecret slow = subscribe("/slow", "ticket.created");
        Webhooks.WithSecret big = subscribe("/big", "ticket.created");

        ticket("Odd receivers");
        awaitReceived("/moved", 1);
        awaitReceived("/slow", 1);
        awaitReceived("/big", 1);

        WebhookDelivery redirected = deliveries(moved.subscription()).getFirst();
        assertThat(redirected.lastStatus()).isEqualTo(302);
        assertThat(redirected.status())
                .as("a redirect is a failed attempt, retried (here until the short test schedule ends)")
                .isNotEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(receiver.received("/elsewhere")).isEmpty();
        WebhookDelivery timedOut = deliveries(slow.subscription()).getFirst();
        assertThat(timedOut.lastStatus()).isNull();
        assertThat(timedOut.lastError()).containsIgnoringCase("timeout");
        assertThat(timedOut.latencyMs()).isLessThan(2500);
        WebhookDelivery large = deliveries(big.subscription()).getFirst();
        assertThat(large.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(large.responseExcerpt()).hasSize(WebhookSender.EXCERPT_CHARS);
    }

    @Test
    void afterARotationMessagesCarryBothSignaturesSoEitherSecretVerifies() {
        Webhooks.WithSecret hook = subscribe("/rotating", "ticket.created");
        Webhooks.WithSecret rotated = workspace.inTransaction(
                () -> webhooks.rotate(hook.subscription().id()));

        ticket("Rotate me");

        Receiver.Received received = awaitReceived("/rotating", 1).getFirst();
        assertThat(rotated.secret()).isNotEqualTo(hook.secret()).startsWith("whsec_");
        assertThat(received.signature().split(" ")).hasSize(2);
        assertThat(received.signedWith(rotated.secret())).isTrue();
        assertThat(received.signedWith(hook.secret())).isTrue();
        assertThat(rotated.subscription().previousSecretUntil())
                .isAfter(java.time.Instant.now().plus(Duration.ofHours(23)));
    }
}
