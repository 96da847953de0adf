package io.safaridesk.helpdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Webhook subscriptions on real workspaces with the default, safe settings: https and public addresses only; admins
 * only; one workspace's webhooks out of another's reach.
 */
class WebhookApiIntegrationTests extends TwoWorkspaceApiTests {

    static final String PUBLIC_URL = "https://93.184.216.34/safaridesk";

    static String acmeAgent;
    static String acmeCustomer;

    @BeforeAll
    static void users() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    private Api.Reply create(String token, String url, List<String> types) {
        return api.send(
                HttpMethod.POST,
                "/api/v1/webhooks",
                token,
                Map.of("url", url, "description", "CRM", "event_types", types));
    }

    private static String field(Api.Reply problem) {
        return problem.body().get("errors").get(0).get("field").asString();
    }

    @Test
    void anAdminSubscribesSeesTheSecretOnceUpdatesRotatesAndDeletes() {
        Api.Reply created = create(acmeAdmin, PUBLIC_URL, List.of("ticket.created", "sla.breached"));

        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        JsonNode hook = created.body().get("webhook");
        long id = hook.get("id").asLong();
        assertThat(hook.get("enabled").asBoolean()).isTrue();
        assertThat(hook.get("event_types").values().stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("ticket.created", "sla.breached");
        Api.Reply read = api.get("/api/v1/webhooks/" + id, acmeAdmin);
        assertThat(read.body().has("secret")).as("never shown again").isFalse();
        assertThat(read.body().toString()).doesNotContain(secret.substring(6));
        assertThat(api.get("/api/v1/webhooks", acmeAdmin).body().values().stream()
                        .map(w -> w.get("id").asLong())
                        .toList())
                .contains(id);

        Api.Reply updated = api.send(
                HttpMethod.PUT,
                "/api/v1/webhooks/" + id,
                acmeAdmin,
                Map.of("url", PUBLIC_URL + "/v2", "event_types", List.of("ticket.status-changed"), "enabled", false));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("url")).isEqualTo(PUBLIC_URL + "/v2");
        assertThat(updated.body().get("enabled").asBoolean()).isFalse();

        Api.Reply rotated = api.send(HttpMethod.POST, "/api/v1/webhooks/" + id + "/rotate-secret", acmeAdmin, null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.body()
                        .get("webhook")
                        .get("previous_secret_valid_until")
                        .asString())
                .isNotBlank();

        Api.Reply log = api.get("/api/v1/webhooks/" + id + "/deliveries", acmeAdmin);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get("items").values()).isEmpty();
        Api.Reply noDelivery =
                api.send(HttpMethod.POST, "/api/v1/webhooks/" + id + "/deliveries/999/redeliver", acmeAdmin, null);
        assertThat(noDelivery.status()).isEqualTo(409).as("disabled: enable it first");
        assertThat(noDelivery.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(api.send(HttpMethod.DELETE, "/api/v1/webhooks/" + id, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, acmeAdmin).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost:8443/hook",
                "https://10.0.0.5/hook",
                "https://192.168.0.10/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "http://93.184.216.34/hook",
                "not a url"
            })
    void privateLoopbackLinkLocalAndNonHttpsTargetsAreRefusedNamingTheUrl(String url) {
        Api.Reply refused = create(acmeAdmin, url, List.of("ticket.created"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(refused)).isEqualTo("url");
    }

    @Test
    void unknownOrMissingEventTypesAreRefusedNamingTheField() {
        Api.Reply unknown = create(acmeAdmin, PUBLIC_URL, List.of("ticket.exploded"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(field(unknown)).isEqualTo("event_types");
        assertThat(unknown.body().get("detail").asString())
                .contains("ticket.exploded")
                .contains("ticket.created");

        Api.Reply none = create(acmeAdmin, PUBLIC_URL, List.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(none)).isEqualTo("event_types");

        assertThat(api.get("/api/v1/webhooks/event-types", acmeAdmin).body().values().stream()
                        .map(JsonNode::asString)
                        .toList())
                .contains("ticket.created", "ticket.status-changed", "sla.breached");
    }

    @Test
    void agentsCustomersAndAnonymousCallersCannotReachWebhooks() {
        for (String token : new String[] {acmeAgent, acmeCustomer}) {
            Api.Reply list = api.get("/api/v1/webhooks", token);
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(create(token, PUBLIC_URL, List.of("ticket.created")).status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/webhooks", null).status()).isEqualTo(401);
        assertThat(create(null, PUBLIC_URL, List.of("ticket.created")).status()).isEqualTo(401);
    }

    @Test
    void oneWorkspacesWebhooksAreInvisibleAndUnchangeableFromAnother() {
        long id = create(acmeAdmin, PUBLIC_URL + "/acme", List.of("ticket.created"))
                .body()
                .get("webhook")
                .get("id")
                .asLong();

        assertThat(api.get("/api/v1/webhooks", globexAdmin).body().values().stream()
                        .map(w -> w.get("url").asString())
                        .toList())
                .doesNotContain(PUBLIC_URL + "/acme");
        Api.Reply fromGlobex = api.get("/api/v1/webhooks/" + id, globexAdmin);
        assertThat(fromGlobex.status() == 404 || !fromGlobex.text("url").endsWith("/acme"))
                .isTrue();
        api.send(
                HttpMethod.PUT,
                "/api/v1/webhooks/" + id,
                globexAdmin,
                Map.of("url", PUBLIC_URL + "/stolen", "event_types", List.of("ticket.created")));
        api.send(HttpMethod.POST, "/api/v1/webhooks/" + id + "/rotate-secret", globexAdmin, null);
        api.send(HttpMethod.DELETE, "/api/v1/webhooks/" + id, globexAdmin, null);

        Api.Reply still = api.get("/api/v1/webhooks/" + id, acmeAdmin);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.text("url")).isEqualTo(PUBLIC_URL + "/acme");
        assertThat(still.body().get("previous_secret_valid_until").isNull()).isTrue();
    }
}
