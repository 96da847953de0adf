package io.safaridesk.helpdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Triggers and time rules through the API on real workspaces: admins manage them in position order with keyset pages,
 * bad conditions and actions are 422 naming the field, the dry run says which triggers would fire and why, and
 * agents, customers, anonymous callers and another workspace's admin can neither read nor change them.
 */
class AutomationApiIntegrationTests extends TwoWorkspaceApiTests {

    static String acmeAgent;
    static String acmeCustomer;

    @BeforeAll
    static void users() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> trigger(String name, List<String> events, List<?> conditions, List<?> actions) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("events", events);
        body.put("conditions", conditions);
        body.put("actions", actions);
        return body;
    }

    private static Map<String, Object> tagAction(String tag) {
        return Map.of("type", "add_tags", "value", List.of(tag));
    }

    private Api.Reply create(String token, String path, Map<String, Object> body) {
        return api.send(HttpMethod.POST, path, token, body);
    }

    private long createTrigger(String name, Map<String, Object> body) {
        Api.Reply created = create(acmeAdmin, "/api/v1/triggers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo(name);
        return created.body().get("id").asLong();
    }

    private long ticket(String priority) {
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/tickets",
                acmeAdmin,
                Map.of(
                        "subject",
                        "Invoice missing",
                        "description",
                        "<p>Where is it?</p>",
                        "priority",
                        priority,
                        "requester",
                        Map.of("name", "Jo", "email", "jo-" + UUID.randomUUID() + "@bigcorp.example")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = api.get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(2);
            page.body().get("items").forEach(items::add);
            JsonNode next = page.body().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return items;
    }

    private static List<String> fields(Api.Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.body()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void anAdminManagesTriggersInTheOrderTheyRunPagedByKeyset() {
        String first = unique("First");
        String second = unique("Second");
        long a = createTrigger(first, trigger(first, List.of("created"), List.of(), List.of(tagAction("a"))));
        long b = createTrigger(second, trigger(second, List.of("updated"), List.of(), List.of(tagAction("b"))));
        String front = unique("Front");
        Map<String, Object> frontBody = trigger(front, List.of("created"), List.of(), List.of(tagAction("c")));
        frontBody.put("position", 1);
        long c = createTrigger(front, frontBody);

        List<JsonNode> listed = all("/api/v1/triggers", acmeAdmin);
        List<Long> ids = listed.stream().map(t -> t.get("id").asLong()).toList();
        assertThat(ids).containsSubsequence(c, a, b);
        assertThat(listed.stream().map(t -> t.get("position").asInt()).toList()).isSorted();
        assertThat(listed.getFirst().get("id").asLong())
                .as("position 1 goes first")
                .isEqualTo(c);

        Api.Reply read = api.get("/api/v1/triggers/" + a, acmeAdmin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("events").get(0).asString()).isEqualTo("created");
        assertThat(read.body().get("actions").get(0).get("type").asString()).isEqualTo("add_tags");

        Map<String, Object> change = trigger(
                first,
                List.of("customer_reply"),
                List.of(Map.of("field", "priority", "operator", "is", "value", "high")),
                List.of(Map.of("type", "set_priority", "value", "critical")));
        change.put("version", 0);
        change.put("enabled", false);
        Api.Reply updated = api.send(HttpMethod.PUT, "/api/v1/triggers/" + a, acmeAdmin, change);
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.body().get("enabled").asBoolean()).isFalse();
        assertThat(updated.body().get("conditions").get(0).get("value").asString())
                .isEqualTo("HIGH");
        assertThat(updated.body().get("actions").get(0).get("value").asString()).isEqualTo("CRITICAL");
        assertThat(api.send(HttpMethod.PUT, "/api/v1/triggers/" + a, acmeAdmin, change)
                        .status())
                .as("a stale version")
                .isEqualTo(409);

        String timeName = unique("Close solved");
        Api.Reply timeRule = create(
                acmeAdmin,
                "/api/v1/time-rules",
                Map.of(
                        "name",
                        timeName,
                        "conditions",
                        List.of(
                                Map.of("field", "status_category", "operator", "is", "value", "resolved"),
                                Map.of("field", "hours_since_status_changed", "operator", "greater_than", "value", 96)),
                        "actions",
                        List.of(Map.of("type", "set_status", "value", "Closed"))));
        assertThat(timeRule.status()).as(timeRule.body().toString()).isEqualTo(201);
        long timeRuleId = timeRule.body().get("id").asLong();
        assertThat(api.get("/api/v1/triggers/" + timeRuleId, acmeAdmin).status())
                .as("a time rule is no trigger")
                .isEqualTo(404);
        assertThat(all("/api/v1/time-rules", acmeAdmin).stream()
                        .map(r -> r.get("id").asLong())
                        .toList())
                .contains(timeRuleId)
                .doesNotContain(a, b, c);

        assertThat(api.send(HttpMethod.DELETE, "/api/v1/triggers/" + b, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
        Api.Reply gone = api.get("/api/v1/triggers/" + b, acmeAdmin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(gone.text("type")).endsWith("trigger-not-found");
    }

    @Test
    void badEventsConditionsAndActionsAre422NamingEachField() {
        Api.Reply refused = create(
                acmeAdmin,
                "/api/v1/triggers",
                trigger(
                        "Bad",
                        List.of("created", "exploded"),
                        List.of(
                                Map.of("field", "secret_field", "operator", "is", "value", "x"),
                                Map.of("field", "status", "operator", "is", "value", "No such status"),
                                Map.of("field", "priority", "operator", "above", "value", "high"),
                                Map.of("field", "business_hours", "operator", "is", "value", true),
                                Map.of("field", "hours_since_created", "operator", "greater_than", "value", 3)),
                        List.of(
                                Map.of("type", "delete_everything"),
                                Map.of("type", "assign", "value", 999999),
                                Map.of("type", "add_tags", "value", List.of()))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(refused))
                .containsExactlyInAnyOrder(
                        "events[1]",
                        "conditions[0].field",
                        "conditions[1].value",
                        "conditions[2].operator",
                        "conditions[3].calendar_id",
                        "conditions[4].field",
                        "actions[0].type",
                        "actions[1].value",
                        "actions[2].value");

        Api.Reply noEvents =
                create(acmeAdmin, "/api/v1/triggers", trigger("X", List.of(), List.of(), List.of(tagAction("x"))));
        assertThat(noEvents.status()).isEqualTo(422);
        assertThat(fields(noEvents)).containsExactly("events");

        Api.Reply noClock = create(
                acmeAdmin,
                "/api/v1/time-rules",
                Map.of(
                        "name",
                        "No clock",
                        "conditions",
                        List.of(Map.of("field", "status", "operator", "changed_to", "value", "Open")),
                        "actions",
                        List.of(tagAction("x"))));
        assertThat(noClock.status()).isEqualTo(422);
        assertThat(fields(noClock)).containsExactlyInAnyOrder("conditions[0].operator", "conditions");

        Api.Reply noActions =
                create(acmeAdmin, "/api/v1/triggers", trigger("Y", List.of("created"), List.of(), List.of()));
        assertThat(noActions.status()).isEqualTo(422);
        assertThat(fields(noActions)).containsExactly("actions");

        Api.Reply badCursor = api.get("/api/v1/triggers?cursor=nonsense", acmeAdmin);
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(fields(badCursor)).containsExactly("cursor");
    }

    @Test
    void theDryRunSaysWhichTriggersWouldFireOnATicketAndWhy() {
        long ticket = ticket("high");
        String vipName = unique("VIP only");
        long vip = createTrigger(
                vipName,
                trigger(
                        vipName,
                        List.of("updated"),
                        List.of(
                                Map.of("field", "priority", "operator", "is", "value", "high"),
                                Map.of("field", "tags", "operator", "contains", "value", "vip")),
                        List.of(tagAction("seen"))));
        String urgentName = unique("Urgent from bigcorp");
        long urgent = createTrigger(
                urgentName,
                trigger(
                        urgentName,
                        List.of("updated", "created"),
                        List.of(
                                Map.of("field", "priority", "operator", "is", "value", "high"),
                                Map.of("field", "requester_domain", "operator", "is", "value", "bigcorp.example"),
                                Map.of("field", "status", "operator", "changed_to", "value", "Pending")),
                        List.of(Map.of("type", "set_priority", "value", "critical"))));
        String onCreate = unique("On create");
        long created =
                createTrigger(onCreate, trigger(onCreate, List.of("created"), List.of(), List.of(tagAction("new"))));

        Api.Reply dry = api.send(
                HttpMethod.POST,
                "/api/v1/triggers/dry-run",
                acmeAdmin,
                Map.of(
                        "ticket_id",
                        ticket,
                        "event",
                        "updated",
                        "changes",
                        List.of(Map.of("field", "status", "from", "Open", "to", "Pending"))));

        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        Map<Long, JsonNode> verdicts = new HashMap<>();
        dry.body().get("triggers").forEach(t -> verdicts.put(t.get("trigger_id").asLong(), t));
        assertThat(verdicts).containsKeys(vip, urgent).doesNotContainKey(created);
        JsonNode vipVerdict = verdicts.get(vip);
        assertThat(vipVerdict.get("would_fire").asBoolean()).isFalse();
        assertThat(vipVerdict.get("conditions").get(0).get("holds").asBoolean()).isTrue();
        assertThat(vipVerdict.get("conditions").get(1).get("holds").asBoolean())
                .as("no vip tag")
                .isFalse();
        assertThat(verdicts.get(urgent).get("would_fire").asBoolean()).isTrue();
        assertThat(verdicts.get(urgent).get("conditions").get(2).get("actual").asString())
                .isEqualTo("Open -> Pending");
        Api.Reply unchanged = api.get("/api/v1/tickets/" + ticket, acmeAdmin);
        assertThat(unchanged.text("priority")).as("a dry run changes nothing").isEqualToIgnoringCase("high");

        Api.Reply noChange = api.send(
                HttpMethod.POST,
                "/api/v1/triggers/dry-run",
                acmeAdmin,
                Map.of("ticket_id", ticket, "event", "updated"));
        assertThat(noChange.body().toString()).contains("not changed");

        Api.Reply badEvent = api.send(
                HttpMethod.POST, "/api/v1/triggers/dry-run", acmeAdmin, Map.of("ticket_id", ticket, "event", "boom"));
        assertThat(badEvent.status()).isEqualTo(422);
        assertThat(fields(badEvent)).containsExactly("event");
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/triggers/dry-run",
                                globexAdmin,
                                Map.of("ticket_id", ticket, "event", "updated"))
                        .status())
                .as("another workspace's ticket")
                .isEqualTo(404);
    }

    @Test
    void agentsCustomersAnonymousCallersAndAnotherWorkspaceCannotReadOrChangeRules() {
        String name = unique("Acme only");
        long id = createTrigger(name, trigger(name, List.of("created"), List.of(), List.of(tagAction("acme"))));
        long timeRule = create(
                        acmeAdmin,
                        "/api/v1/time-rules",
                        Map.of(
                                "name",
                                unique("Remind"),
                                "conditions",
                                List.of(Map.of(
                                        "field", "hours_since_updated", "operator", "greater_than", "value", 72)),
                                "actions",
                                List.of(tagAction("stale"))))
                .body()
                .get("id")
                .asLong();
        Map<String, Object> hijack = trigger("Hijacked", List.of("created"), List.of(), List.of(tagAction("evil")));

        for (String token : new String[] {acmeAgent, acmeCustomer, null}) {
            int expected = token == null ? 401 : 403;
            for (String path : List.of("/api/v1/triggers", "/api/v1/time-rules")) {
                assertThat(api.get(path, token).status()).isEqualTo(expected);
                assertThat(create(token, path, hijack).status()).isEqualTo(expected);
            }
            assertThat(api.get("/api/v1/triggers/" + id, token).status()).isEqualTo(expected);
            assertThat(api.get("/api/v1/time-rules/" + timeRule, token).status())
                    .isEqualTo(expected);
            assertThat(api.send(HttpMethod.PUT, "/api/v1/triggers/" + id, token, hijack)
                            .status())
                    .isEqualTo(expected);
            assertThat(api.send(HttpMethod.DELETE, "/api/v1/time-rules/" + timeRule, token, null)
                            .status())
                    .isEqualTo(expected);
            assertThat(api.send(
                                    HttpMethod.POST,
                                    "/api/v1/triggers/dry-run",
                                    token,
                                    Map.of("ticket_id", 1, "event", "created"))
                            .status())
                    .isEqualTo(expected);
        }

        assertThat(all("/api/v1/triggers", globexAdmin).stream()
                        .map(t -> t.get("name").asString())
                        .toList())
                .doesNotContain(name);
        assertThat(api.get("/api/v1/triggers/" + id, globexAdmin).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.PUT, "/api/v1/triggers/" + id, globexAdmin, hijack)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/triggers/" + id, globexAdmin, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/time-rules/" + timeRule, globexAdmin, null)
                        .status())
                .isEqualTo(404);

        Api.Reply still = api.get("/api/v1/triggers/" + id, acmeAdmin);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.text("name")).isEqualTo(name);
        assertThat(api.get("/api/v1/time-rules/" + timeRule, acmeAdmin).status())
                .isEqualTo(200);
    }
}
