package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Routing of new tickets against real Keycloak and PostgreSQL: assignment rules (first match or all matches),
 * round-robin and least-open auto-assignment among available members, availability set on the profile, and the rule
 * and department admin endpoints with their isolation and bad input.
 */
class TicketRoutingIntegrationTests extends TicketApiTests {

    @Test
    void roundRobinHandsTicketsOutInTurnSkippingAnAgentWhoMarkedThemselvesAway() {
        long department = department(acme, acmeAdmin);
        long ann = agentRow(acme, department);
        long bob = agentRow(acme, department);
        TestWorkspace.User awayUser = acme.addUser("agent");
        String awayToken = acme.token(awayUser);
        assertThat(api.get("/api/v1/me", awayToken).status()).isEqualTo(200);
        long away = api.get("/api/v1/agent/list?search=" + awayUser.username(), acmeAdmin)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        join(acme, away, department);
        Api.Reply marked = api.send(
                HttpMethod.PUT,
                "/api/v1/users/update",
                awayToken,
                Map.of("name", "Away Agent", "availability", "away"));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agent/get/" + away, acmeAdmin)
                        .body()
                        .get("available")
                        .asBoolean())
                .isFalse();
        assertThat(mode(department, "round_robin", acmeAdmin).text("assignment_mode"))
                .isEqualTo("round_robin");

        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.Reply ticket = ticket(acmeAdmin, Map.of("subject", "Round " + i, "department_id", department));
            assertThat(ticket.status()).isEqualTo(201);
            assignees.add(ticket.body().get("assignee_id").asLong());
        }
        assertThat(assignees).containsExactly(ann, bob, ann, bob);

        Api.Reply back = api.send(
                HttpMethod.PUT,
                "/api/v1/users/update",
                awayToken,
                Map.of("name", "Away Agent", "availability", "available"));
        assertThat(back.status()).isEqualTo(200);
        long next = ticket(acmeAdmin, Map.of("subject", "Round 5", "department_id", department))
                .body()
                .get("assignee_id")
                .asLong();
        // back in turn: members go in id order, and the agent who came back joined after the other two
        assertThat(next).isEqualTo(away);
        Api.Reply history = api.get(
                "/api/v1/tickets/"
                        + ticket(acmeAdmin, Map.of("subject", "Round 6", "department_id", department))
                                .body()
                                .get("id")
                                .asLong()
                        + "/activities",
                acmeAdmin);
        assertThat(history.body().get("items").values())
                .anySatisfy(a -> assertThat(a.get("actor_name").asString()).isEqualTo("Auto-assignment (round robin)"));
    }

    @Test
    void leastOpenPicksTheAvailableMemberWithFewestOpenTicketsTiesByLowestId() {
        long department = department(acme, acmeAdmin);
        long ann = agentRow(acme, department);
        long bob = agentRow(acme, department);
        long carl = agentRow(acme, department);
        jdbc.update("update " + acme.slug().schemaName() + ".agents set available = false where id = ?", carl);
        mode(department, "least_open", acmeAdmin);
        ticket(acmeAdmin, Map.of("subject", "Ann's", "department_id", department, "assignee_id", ann));
        ticket(acmeAdmin, Map.of("subject", "Ann's too", "department_id", department, "assignee_id", ann));

        assertThat(assignee(ticket(acmeAdmin, Map.of("subject", "L1", "department_id", department))))
                .isEqualTo(bob);
        assertThat(assignee(ticket(acmeAdmin, Map.of("subject", "L2", "department_id", department))))
                .isEqualTo(bob);
        assertThat(assignee(ticket(acmeAdmin, Map.of("subject", "L3", "department_id", department))))
                .isEqualTo(ann);
    }

    @Test
    void rulesRunInOrderAndStopOnTheFirstMatchUnlessTheyLetLaterRulesApply() {
        long department = department(acme, acmeAdmin);
        long ann = agentRow(acme, department);
        String invoice = "invoice-" + suffix();
        Api.Reply first = rule(
                acmeAdmin,
                Map.of(
                        "name",
                        "Billing " + invoice,
                        "stop_on_match",
                        false,
                        "conditions",
                        List.of(condition("subject", "contains", invoice)),
                        "actions",
                        List.of(action("add_tags", "billing"), action("set_department", String.valueOf(department)))));
        assertThat(first.status()).isEqualTo(201);
        Api.Reply second = rule(
                acmeAdmin,
                Map.of(
                        "name", "Urgent " + invoice,
                        "conditions",
                                List.of(
                                        condition("subject_or_body", "contains", invoice),
                                        condition("channel", "is", "api, email")),
                        "actions", List.of(action("set_priority", "high"), action("set_agent", String.valueOf(ann)))));
        Api.Reply third = rule(
                acmeAdmin,
                Map.of(
                        "name", "Late " + invoice,
                        "conditions", List.of(condition("subject", "contains", invoice)),
                        "actions", List.of(action("add_tags", "late"))));

        Api.Reply all = ticket(acmeAdmin, Map.of("subject", "About " + invoice));
        assertThat(all.status()).isEqualTo(201);
        assertThat(all.body().get("department_id").asLong()).isEqualTo(department);
        assertThat(all.text("priority")).isEqualTo("HIGH");
        assertThat(all.body().get("assignee_id").asLong()).isEqualTo(ann);
        assertThat(tags(all)).containsExactly("billing");
        List<String> actors = api
                .get("/api/v1/tickets/" + all.body().get("id").asLong() + "/activities", acmeAdmin)
                .body()
                .get("items")
                .values()
                .stream()
                .map(a -> a.get("actor_name").asString())
                .toList();
        assertThat(actors)
                .contains("Assignment rule 'Billing " + invoice + "'", "Assignment rule 'Urgent " + invoice + "'");

        Api.Reply stopped = api.send(
                HttpMethod.PUT,
                "/api/v1/assignment-rules/" + first.body().get("id").asLong(),
                acmeAdmin,
                Map.of(
                        "name", "Billing " + invoice,
                        "stop_on_match", true,
                        "conditions", List.of(condition("subject", "contains", invoice)),
                        "actions", List.of(action("add_tags", "billing")),
                        "version", first.body().get("version").asInt()));
        assertThat(stopped.status()).isEqualTo(200);
        Api.Reply firstOnly = ticket(acmeAdmin, Map.of("subject", "Again " + invoice));
        assertThat(tags(firstOnly)).containsExactly("billing");
        assertThat(firstOnly.text("priority")).isEqualTo("MEDIUM");
        assertThat(firstOnly.body().get("assignee_id").isNull()).isTrue();

        // the third rule first, and only it matches the web channel
        List<Long> order = new ArrayList<>(List.of(
                third.body().get("id").asLong(),
                first.body().get("id").asLong(),
                second.body().get("id").asLong()));
        api.get("/api/v1/assignment-rules", acmeAdmin).body().values().stream()
                .map(r -> r.get("id").asLong())
                .filter(id -> !order.contains(id))
                .forEach(order::add);
        Api.Reply reordered =
                api.send(HttpMethod.PUT, "/api/v1/assignment-rules/order", acmeAdmin, Map.of("rule_ids", order));
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.body().get(0).get("id").asLong())
                .isEqualTo(third.body().get("id").asLong());
        assertThat(tags(ticket(acmeAdmin, Map.of("subject", "Third " + invoice))))
                .containsExactly("late");

        for (long id : order.subList(0, 3)) {
            assertThat(api.send(HttpMethod.DELETE, "/api/v1/assignment-rules/" + id, acmeAdmin, null)
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    void rulesAreCheckedFieldByFieldAndBelongToAdminsOfTheirWorkspace() {
        Api.Reply bad = rule(
                acmeAdmin,
                Map.of(
                        "name", "Bad",
                        "conditions",
                                List.of(
                                        condition("colour", "is", "red"),
                                        condition("channel", "is", "pigeon"),
                                        condition("priority", "contains", "HIGH"),
                                        condition("category", "is", "999999")),
                        "actions",
                                List.of(
                                        action("set_department", "999999"),
                                        action("set_agent", "abc"),
                                        action("explode", "now"))));
        assertField(bad, 422, "conditions[0].field");
        assertField(bad, 422, "conditions[1].value");
        assertField(bad, 422, "conditions[2].operator");
        assertField(bad, 422, "conditions[3].value");
        assertField(bad, 422, "actions[0].value");
        assertField(bad, 422, "actions[1].value");
        assertField(bad, 422, "actions[2].type");
        assertField(rule(acmeAdmin, Map.of("name", "No actions")), 422, "actions");
        assertField(rule(acmeAdmin, Map.of("actions", List.of(action("add_tags", "x")))), 400, "name");
        assertThat(api.send(HttpMethod.POST, "/api/v1/assignment-rules", acmeAdmin, "{not json")
                        .status())
                .isEqualTo(400);

        Api.Reply good = rule(
                acmeAdmin,
                Map.of("name", "Tag all " + suffix(), "active", false, "actions", List.of(action("add_tags", "x"))));
        assertThat(good.status()).isEqualTo(201);
        long id = good.body().get("id").asLong();
        Api.Reply stale = api.send(
                HttpMethod.PUT,
                "/api/v1/assignment-rules/" + id,
                acmeAdmin,
                Map.of("name", "Renamed", "actions", List.of(action("add_tags", "y")), "version", 42));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertField(
                api.send(
                        HttpMethod.PUT,
                        "/api/v1/assignment-rules/order",
                        acmeAdmin,
                        Map.of("rule_ids", List.of(id, id))),
                422,
                "rule_ids");

        String agent = acme.token(acme.addUser("agent"));
        assertThat(api.get("/api/v1/assignment-rules", agent).status()).isEqualTo(403);
        assertThat(rule(agent, Map.of("name", "Mine", "actions", List.of(action("add_tags", "x"))))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/assignment-rules/" + id, globexAdmin).status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/assignment-rules/" + id, globexAdmin, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/assignment-rules/" + id, acmeAdmin).status())
                .isEqualTo(200);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/assignment-rules/" + id, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aDepartmentsAssignmentModeIsSetByItsWorkspacesAdmins() {
        long department = department(acme, acmeAdmin);
        assertThat(api.get("/api/v1/departments/" + department, acmeAdmin).text("assignment_mode"))
                .isEqualTo("manual");
        assertField(mode(department, "lottery", acmeAdmin), 422, "mode");
        assertField(
                api.send(HttpMethod.PUT, "/api/v1/departments/" + department + "/assignment", acmeAdmin, Map.of()),
                400,
                "mode");
        assertThat(mode(department, "least_open", globexAdmin).status()).isEqualTo(404);
        assertThat(mode(department, "least_open", acme.token(acme.addUser("agent")))
                        .status())
                .isEqualTo(403);
        assertThat(mode(department, "LEAST_OPEN", acmeAdmin).text("assignment_mode"))
                .isEqualTo("least_open");
    }

    private Api.Reply ticket(String token, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("requester", Map.of("name", "Rita Requester", "email", "rita@customer.test"));
        return api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
    }

    private Api.Reply rule(String token, Map<String, Object> body) {
        return api.send(HttpMethod.POST, "/api/v1/assignment-rules", token, body);
    }

    private Api.Reply mode(long department, String mode, String token) {
        return api.send(
                HttpMethod.PUT, "/api/v1/departments/" + department + "/assignment", token, Map.of("mode", mode));
    }

    private long department(TestWorkspace workspace, String token) {
        return api.send(HttpMethod.POST, "/api/v1/departments", token, Map.of("name", "Routing " + suffix()))
                .body()
                .get("id")
                .asLong();
    }

    /** An agent made directly in the workspace's schema, a member of {@code department}. */
    private long agentRow(TestWorkspace workspace, long department) {
        String email = "row-" + suffix() + "@" + workspace.slug() + ".test";
        Long id = jdbc.queryForObject(
                "insert into " + workspace.slug().schemaName()
                        + ".agents (keycloak_user_id, name, email, role) values (?, ?, ?, 'agent') returning id",
                Long.class,
                UUID.randomUUID().toString(),
                "Row " + email,
                email);
        join(workspace, id, department);
        return id;
    }

    private void join(TestWorkspace workspace, long agent, long department) {
        jdbc.update(
                "insert into " + workspace.slug().schemaName()
                        + ".agent_departments (agent_id, department_id) values (?, ?)",
                agent,
                department);
    }

    private static long assignee(Api.Reply ticket) {
        assertThat(ticket.status()).isEqualTo(201);
        return ticket.body().get("assignee_id").asLong();
    }

    private static List<String> tags(Api.Reply ticket) {
        return ticket.body().get("tags").values().stream()
                .map(JsonNode::asString)
                .toList();
    }

    private static Map<String, String> condition(String field, String operator, String value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    private static Map<String, String> action(String type, String value) {
        return Map.of("type", type, "value", value);
    }
}
