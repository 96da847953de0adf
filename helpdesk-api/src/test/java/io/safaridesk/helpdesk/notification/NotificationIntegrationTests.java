package io.safaridesk.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.notification.NotificationKind;
import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** In-app notifications and notification settings: the caller's own only, staff only, newest first, bad input named. */
class NotificationIntegrationTests extends TwoWorkspaceApiTests {

    private static final String BASE = "/api/v1/notifications";

    static String agent;
    static String otherAgent;
    static String customer;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    String agentId;

    @BeforeAll
    static void users() {
        agent = acme.token(acme.addUser("agent"));
        otherAgent = acme.token(acme.addUser("agent"));
        customer = acme.token(acme.addUser("customer"));
    }

    @BeforeEach
    void agentId() {
        agentId = api.get("/api/v1/me", agent).text("user_id");
        api.send(HttpMethod.POST, BASE + "/mark-all-as-read/", agent, null);
    }

    private List<Long> raise(TenantSlug workspace, String userId, int count) {
        List<Long> titles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = "Ticket " + i;
            TenantContext.runAs(
                    workspace,
                    () -> transaction.executeWithoutResult(status -> notifications.raise(
                            new Notifications.NewNotification(userId, NotificationKind.MENTION, null, title, "body"))));
        }
        JsonNode items = api.get(BASE + "/list/?limit=" + count, agent).body().get("items");
        items.forEach(item -> titles.add(item.get("id").asLong()));
        return titles;
    }

    @Test
    void listsTheCallersNotificationsNewestFirstAndMarksThemRead() {
        List<Long> ids = raise(acme.slug(), agentId, 3);
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        assertThat(api.get(BASE + "/unread-count/", agent).body().get("count").asLong())
                .isEqualTo(3);
        Api.Reply firstPage = api.get(BASE + "/list/?limit=2", agent);
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().get("items")).hasSize(2);
        assertThat(firstPage.body().get("items").get(0).get("kind").asString()).isEqualTo("mention");
        Api.Reply secondPage = api.get(BASE + "/list/?limit=2&cursor=" + firstPage.text("next_cursor"), agent);
        assertThat(secondPage.body().get("items").get(0).get("id").asLong()).isEqualTo(ids.get(2));

        Api.Reply read = api.send(HttpMethod.POST, BASE + "/mark-as-read/" + ids.getFirst() + "/", agent, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("read").asBoolean()).isTrue();
        assertThat(api.get(BASE + "/unread-count/", agent).body().get("count").asLong())
                .isEqualTo(2);
        assertThat(api.get(BASE + "/list/?unread=true", agent).body().get("items"))
                .hasSize(2);

        Api.Reply all = api.send(HttpMethod.POST, BASE + "/mark-all-as-read/", agent, null);
        assertThat(all.body().get("marked").asInt()).isEqualTo(2);
        assertThat(api.get(BASE + "/unread-count/", agent).body().get("count").asLong())
                .isZero();
    }

    @Test
    void nobodyElseReadsOrMarksTheCallersNotifications() {
        long id = raise(acme.slug(), agentId, 1).getFirst();

        assertThat(api.get(BASE + "/list/", otherAgent).body().get("items")).isEmpty();
        assertThat(api.send(HttpMethod.POST, BASE + "/mark-as-read/" + id + "/", otherAgent, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.POST, BASE + "/mark-as-read/" + id + "/", globexAdmin, null)
                        .status())
                .as("another workspace's token")
                .isEqualTo(404);
        assertThat(api.get(BASE + "/unread-count/", globexAdmin)
                        .body()
                        .get("count")
                        .asLong())
                .isZero();
        assertThat(api.get(BASE + "/list/", null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.POST, BASE + "/mark-as-read/" + id + "/", null, null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get(BASE + "/list/", customer).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/settings/", customer).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/unread-count/", agent).body().get("count").asLong())
                .as("still unread")
                .isEqualTo(1);
    }

    @Test
    void settingsAreTheCallersOwnAndValidated() {
        Api.Reply defaults = api.get(BASE + "/settings/", otherAgent);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body().get("email_off")).isEmpty();
        assertThat(defaults.body().get("kinds").toString()).contains("ticket_assigned", "mention", "sla_breached");

        Api.Reply changed = api.send(
                HttpMethod.PUT,
                BASE + "/settings/",
                otherAgent,
                Map.of(
                        "email_off", List.of("mention"),
                        "in_app_off", List.of("sla_at_risk"),
                        "quiet_hours", Map.of("start", "22:00", "end", "07:00", "time_zone", "Africa/Nairobi"),
                        "version", defaults.body().get("version").asInt()));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("email_off").get(0).asString()).isEqualTo("mention");
        assertThat(changed.body().get("quiet_hours").get("time_zone").asString())
                .isEqualTo("Africa/Nairobi");
        assertThat(api.get(BASE + "/settings/", agent).body().get("email_off"))
                .as("another user's settings are untouched")
                .isEmpty();
        assertThat(api.get(BASE + "/settings/", globexAdmin).body().get("email_off"))
                .isEmpty();

        int version = changed.body().get("version").asInt();
        Api.Reply again = api.send(
                HttpMethod.PUT, BASE + "/settings/", otherAgent, Map.of("email_off", List.of(), "version", version));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("email_off")).isEmpty();
        Api.Reply stale = api.send(HttpMethod.PUT, BASE + "/settings/", otherAgent, Map.of("version", version));
        assertThat(stale.status()).isEqualTo(409);

        Api.Reply bad = api.send(
                HttpMethod.PUT,
                BASE + "/settings/",
                otherAgent,
                Map.of(
                        "email_off", List.of("mention", "birthdays"),
                        "quiet_hours", Map.of("start", "25:00", "end", "07:00", "time_zone", "Mars/Olympus")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").toString()).contains("email_off[1]", "quiet_start", "time_zone");
        assertThat(api.send(HttpMethod.PUT, BASE + "/settings/", null, Map.of()).status())
                .isEqualTo(401);
    }

    @Test
    void badPagingIsNamed() {
        assertThat(api.get(BASE + "/list/?limit=101", agent).status()).isIn(400, 422);
        Api.Reply badCursor = api.get(BASE + "/list/?cursor=nonsense", agent);
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(badCursor.body().get("errors").get(0).get("field").asString())
                .isEqualTo("cursor");
    }
}
