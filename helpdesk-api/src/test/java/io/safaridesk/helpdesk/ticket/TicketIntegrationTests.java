package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The ticket lifecycle on real workspaces: numbering, updates, history, listing, roles, isolation and bad input. */
class TicketIntegrationTests extends TwoWorkspaceApiTests {

    static String acmeAgent;
    static String acmeCustomer;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void moreUsers() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    @Test
    void anAgentOpensATicketForANewRequesterAndReadsItByIdAndByNumber() {
        String email = "Amina." + unique() + "@Example.test";
        Api.Reply created = create(
                acmeAgent,
                Map.of(
                        "subject", "Printer on fire",
                        "description", "<p>It <b>burns</b></p><script>alert(1)</script>",
                        "requester", Map.of("name", "Amina", "email", email),
                        "priority", "high",
                        "tags", List.of("Hardware", "hardware", " urgent ")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode ticket = created.body();
        assertThat(ticket.get("ticket_id").asString()).matches("T-\\d+");
        assertThat(ticket.get("status").get("name").asString()).isEqualTo("Open");
        assertThat(ticket.get("status").get("category").asString()).isEqualTo("OPEN");
        assertThat(ticket.get("priority").asString()).isEqualTo("HIGH");
        assertThat(ticket.get("channel").asString()).isEqualTo("API");
        assertThat(ticket.get("description_html").asString())
                .doesNotContain("script")
                .contains("<b>burns</b>");
        assertThat(ticket.get("description_text").asString()).isEqualTo("It burns");
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(strings(ticket.get("tags"))).containsExactly("hardware", "urgent");

        long id = ticket.get("id").asLong();
        assertThat(api.get("/api/v1/tickets/" + id, acmeAgent).text("subject")).isEqualTo("Printer on fire");
        Api.Reply byNumber =
                api.get("/api/v1/ticket/get/" + ticket.get("ticket_id").asString(), acmeAdmin);
        assertThat(byNumber.body().get("id").asLong()).isEqualTo(id);
        assertThat(api.get("/api/v1/ticket/get/" + ticket.get("number").asLong() + "/", acmeAdmin)
                        .status())
                .as("the seed's path with its trailing slash, by the bare number")
                .isEqualTo(200);

        Api.Reply second =
                create(acmeAdmin, Map.of("subject", "Again", "requester", Map.of("email", email.toUpperCase())));
        assertThat(second.body().get("requester").get("id").asLong())
                .as("requesters are deduplicated by email, ignoring case")
                .isEqualTo(ticket.get("requester").get("id").asLong());
    }

    @Test
    void fiftyConcurrentCreatesGetFiftyDistinctConsecutiveNumbers() throws Exception {
        String email = "burst-" + unique() + "@example.test";
        List<Callable<Long>> creates = IntStream.range(0, 50)
                .mapToObj(i -> (Callable<Long>) () -> {
                    Api.Reply reply = create(
                            acmeAdmin,
                            Map.of("subject", "Burst " + i, "requester", Map.of("name", "Burst", "email", email)));
                    assertThat(reply.status()).isEqualTo(201);
                    return reply.body().get("number").asLong();
                })
                .toList();
        List<Long> numbers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Long> number : pool.invokeAll(creates)) {
                numbers.add(number.get());
            }
        }

        assertThat(new HashSet<>(numbers)).hasSize(50);
        long first = numbers.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(first, first + 50).boxed().toList());
        Api.Reply requesters = api.get("/api/v1/contacts?q=" + email, acmeAdmin);
        assertThat(requesters.body().get("items").size())
                .as("fifty tickets from a new address make one contact")
                .isEqualTo(1);
    }

    @Test
    void twoAgentsUpdatingTheSameVersionGetOneSuccessAndOneConflict() {
        JsonNode ticket = create(acmeAdmin, Map.of("subject", "Contended", "requester", requester()))
                .body();
        String path = "/api/v1/tickets/" + ticket.get("id").asLong();
        int version = ticket.get("version").asInt();

        Api.Reply first = api.send(HttpMethod.PATCH, path, acmeAgent, Map.of("priority", "low", "version", version));
        Api.Reply second = api.send(HttpMethod.PATCH, path, acmeAdmin, Map.of("subject", "Lost?", "version", version));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode now = api.get(path, acmeAdmin).body();
        assertThat(now.get("priority").asString()).isEqualTo("LOW");
        assertThat(now.get("subject").asString()).isEqualTo("Contended");
    }

    @Test
    void statusPriorityDueDateAndAssigneeChangesAreInTheHistory() {
        JsonNode ticket = create(acmeAdmin, Map.of("subject", "Lifecycle", "requester", requester()))
                .body();
        long id = ticket.get("id").asLong();
        long adminAgentId = agentId(acmeAdmin);

        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/ticket/update/status/" + id + "/",
                                acmeAgent,
                                Map.of("status", "in progress"))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/ticket/update/priority/" + id,
                                acmeAgent,
                                Map.of("priority", "critical"))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/ticket/update/due-date/" + id,
                                acmeAgent,
                                Map.of("due_date", "2099-01-01T10:00:00Z"))
                        .status())
                .isEqualTo(200);
        Api.Reply assigned = api.send(
                HttpMethod.POST,
                "/api/v1/ticket/assign/",
                acmeAgent,
                Map.of("ticket_id", ticket.get("ticket_id").asString(), "agent_id", adminAgentId));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().get("assignee_id").asLong()).isEqualTo(adminAgentId);
        Api.Reply resolved =
                api.send(HttpMethod.PUT, "/api/v1/tickets/" + id + "/status", acmeAgent, Map.of("status", "Resolved"));
        assertThat(resolved.body().get("resolved_at").isNull()).isFalse();

        List<String> history = new ArrayList<>();
        api.get("/api/v1/tickets/" + id + "/activities", acmeAgent)
                .body()
                .get("items")
                .forEach(a -> history.add(a.get("action").asString() + ":"
                        + a.get("field").asString("") + ":" + a.get("old_value").asString("") + "->"
                        + a.get("new_value").asString("")));
        assertThat(history)
                .containsExactly(
                        "created::->",
                        "status_changed:status:Open->In progress",
                        "updated:priority:MEDIUM->CRITICAL",
                        "updated:due_at:->2099-01-01T10:00:00Z",
                        "assigned:assignee_id:->" + adminAgentId,
                        "status_changed:status:In progress->Resolved");

        List<String> events = JdbcClient.create(dataSource)
                .sql("select type from platform.outbox where tenant_slug = ? and payload ->> 'ticket_id' = ?"
                        + " order by created_at")
                .params(acme.slug().value(), Long.toString(id))
                .query(String.class)
                .list();
        assertThat(events)
                .containsExactly(
                        "ticket.created",
                        "ticket.status-changed",
                        "ticket.updated",
                        "ticket.updated",
                        "ticket.assigned",
                        "ticket.status-changed");
    }

    @Test
    void aRestrictedStatusRefusesMovesItDoesNotAllow() {
        Api.Reply waiting = api.send(
                HttpMethod.POST,
                "/api/v1/ticket-statuses",
                acmeAdmin,
                Map.of("name", "Waiting on vendor " + unique(), "category", "pending"));
        assertThat(waiting.status()).isEqualTo(201);
        long waitingId = waiting.body().get("id").asLong();
        long openId = statusId("Open");
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/ticket-statuses/" + waitingId,
                                acmeAdmin,
                                Map.of(
                                        "name",
                                        waiting.text("name"),
                                        "category",
                                        "pending",
                                        "allowed_next",
                                        List.of(openId)))
                        .status())
                .isEqualTo(200);
        long id = create(acmeAdmin, Map.of("subject", "Vendor", "requester", requester()))
                .body()
                .get("id")
                .asLong();
        assertThat(changeStatus(id, Long.toString(waitingId)).status()).isEqualTo(200);

        Api.Reply refused = changeStatus(id, "Closed");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(changeStatus(id, "open").status()).isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/ticket-statuses",
                                acmeAgent,
                                Map.of("name", "Agents cannot", "category", "open"))
                        .status())
                .as("only admins shape the statuses")
                .isEqualTo(403);
    }

    @Test
    void filtersAndFullTextSearchFindTheRightTickets() {
        String word = "zq" + unique().replaceAll("[0-9-]", "");
        long billing = create(
                        acmeAdmin,
                        Map.of(
                                "subject",
                                "Bills for " + word,
                                "description",
                                "<p>I was charged twice</p>",
                                "requester",
                                requester(),
                                "priority",
                                "high",
                                "channel",
                                "email",
                                "tags",
                                List.of("billing")))
                .body()
                .get("id")
                .asLong();
        long other = create(
                        acmeAdmin,
                        Map.of(
                                "subject",
                                "Login " + word,
                                "requester",
                                requester(),
                                "priority",
                                "low",
                                "channel",
                                "phone"))
                .body()
                .get("id")
                .asLong();

        assertThat(ids("q=" + word + "+billing"))
                .as("stemming: billing finds bills")
                .containsExactly(billing);
        assertThat(ids("q=" + word + "&priority=high,critical")).containsExactly(billing);
        assertThat(ids("q=" + word + "&channel=phone")).containsExactly(other);
        assertThat(ids("q=" + word + "&tag=billing")).containsExactly(billing);
        assertThat(ids("q=" + word + "&assignee=unassigned&sort=number")).containsExactly(billing, other);
        assertThat(ids("search=" + word + "&view=all_unresolved&sort=-number")).containsExactly(other, billing);
        assertThat(ids("q=" + word + "&created_from=2000-01-01&created_to=2000-01-02"))
                .isEmpty();
        assertThat(ids("q=" + word + "+charged")).containsExactly(billing);
    }

    @Test
    void keysetPagesNeitherSkipNorRepeatWhileTicketsAreAdded() {
        String word = "kp" + unique().replaceAll("[0-9-]", "");
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(acmeAdmin, Map.of("subject", word + " " + i, "requester", requester()))
                    .body()
                    .get("id")
                    .asLong());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/tickets?q=" + word + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                            acmeAgent)
                    .body();
            page.get("items").forEach(t -> seen.add(t.get("id").asLong()));
            create(acmeAdmin, Map.of("subject", word + " late", "requester", requester()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        assertThat(seen.subList(0, 7))
                .as("newest first: the seven come before nothing else")
                .isNotEmpty();
    }

    @Test
    void anotherWorkspaceAnonymousCallersAndCustomersCannotReachStaffTickets() {
        JsonNode ticket = create(acmeAdmin, Map.of("subject", "Acme secret " + unique(), "requester", requester()))
                .body();
        long id = ticket.get("id").asLong();

        assertThat(api.get("/api/v1/tickets/" + id, globexAdmin).status())
                .as("globex has no tickets: acme's id means nothing there")
                .isEqualTo(404);
        assertThat(ids(globexAdmin, "q=secret")).isEmpty();
        assertThat(api.send(HttpMethod.PATCH, "/api/v1/tickets/" + id, globexAdmin, Map.of("subject", "hijack"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ticket/get/" + ticket.get("ticket_id").asString(), globexAdmin)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + id, acmeAdmin).text("subject"))
                .isEqualTo(ticket.get("subject").asString());
        assertThat(api.get("/api/v1/tickets/" + id, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ticket/list/", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tickets/" + id, acmeCustomer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ticket/list", acmeCustomer).status()).isEqualTo(403);
    }

    @Test
    void anAgentOutsideTheTicketsDepartmentDoesNotSeeIt() {
        long department = api.send(
                        HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Finance " + unique()))
                .body()
                .get("id")
                .asLong();
        long id = create(
                        acmeAdmin,
                        Map.of("subject", "Payroll " + unique(), "requester", requester(), "department_id", department))
                .body()
                .get("id")
                .asLong();
        TestWorkspace.User outsider = acme.addUser("agent");
        String outsiderToken = acme.token(outsider);

        assertThat(api.get("/api/v1/tickets/" + id, outsiderToken).status()).isEqualTo(404);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/tickets/" + id + "/status",
                                outsiderToken,
                                Map.of("status", "Closed"))
                        .status())
                .isEqualTo(404);
        assertThat(ids(outsiderToken, "department=" + department)).isEmpty();

        long outsiderId = agentId(outsiderToken);
        Map<String, Object> membership = new HashMap<>();
        membership.put("name", "Now a member");
        membership.put("departments", List.of(department));
        membership.put("leads", List.of());
        assertThat(api.send(HttpMethod.PUT, "/api/v1/agent/update/" + outsiderId, acmeAdmin, membership)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + id, outsiderToken).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertProblem(create(acmeAdmin, Map.of("requester", requester())), 400, "subject");
        assertProblem(
                create(acmeAdmin, Map.of("subject", "x", "requester", requester(), "priority", "urgent!")),
                422,
                "priority");
        assertProblem(
                create(acmeAdmin, Map.of("subject", "x", "requester", requester(), "channel", "pigeon")),
                422,
                "channel");
        assertProblem(create(acmeAdmin, Map.of("subject", "x")), 422, "requester");
        assertProblem(
                create(acmeAdmin, Map.of("subject", "x", "requester", Map.of("email", "not-an-email"))),
                400,
                "requester.email");
        assertProblem(
                create(acmeAdmin, Map.of("subject", "x", "requester", requester(), "department_id", 987654)),
                422,
                "department_id");
        assertProblem(
                create(acmeAdmin, Map.of("subject", "x", "requester", requester(), "due_at", "2001-01-01T00:00:00Z")),
                422,
                "due_at");
        assertProblem(api.get("/api/v1/tickets?limit=500", acmeAdmin), 422, "limit");
        assertProblem(api.get("/api/v1/tickets?sort=colour", acmeAdmin), 422, "sort");
        assertProblem(api.get("/api/v1/tickets?cursor=garbage", acmeAdmin), 422, "cursor");
        assertProblem(api.get("/api/v1/tickets?status=Nonexistent", acmeAdmin), 422, "status");
        assertProblem(api.get("/api/v1/tickets?created_from=yesterday", acmeAdmin), 422, "created_from");
        assertProblem(api.get("/api/v1/ticket/get/T-abc", acmeAdmin), 422, "ticket_id");
        long id = create(acmeAdmin, Map.of("subject", "Target", "requester", requester()))
                .body()
                .get("id")
                .asLong();
        assertProblem(changeStatus(id, "Teleported"), 422, "status");
        assertProblem(
                api.send(HttpMethod.PUT, "/api/v1/tickets/" + id + "/assignee", acmeAdmin, Map.of("agent_id", 987654)),
                404,
                null);
        assertThat(api.get("/api/v1/tickets/987654", acmeAdmin).status()).isEqualTo(404);
        Api.Reply notJson = api.exchange(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, "{oops", Map.of());
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void aPatchChangesOnlyWhatItSendsAndNullClears() {
        long department = api.send(
                        HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Patch " + unique()))
                .body()
                .get("id")
                .asLong();
        long id = create(
                        acmeAdmin,
                        Map.of(
                                "subject",
                                "Patched",
                                "requester",
                                requester(),
                                "department_id",
                                department,
                                "due_at",
                                "2099-05-01T12:00:00Z"))
                .body()
                .get("id")
                .asLong();
        String path = "/api/v1/tickets/" + id;

        JsonNode priorityOnly = api.send(HttpMethod.PATCH, path, acmeAdmin, Map.of("priority", "low"))
                .body();
        assertThat(priorityOnly.get("priority").asString()).isEqualTo("LOW");
        assertThat(priorityOnly.get("department_id").asLong()).isEqualTo(department);
        assertThat(priorityOnly.get("due_at").asString()).isEqualTo("2099-05-01T12:00:00Z");

        Map<String, Object> clear = new HashMap<>();
        clear.put("due_at", null);
        JsonNode cleared = api.send(HttpMethod.PATCH, path, acmeAdmin, clear).body();
        assertThat(cleared.get("due_at").isNull()).isTrue();
        assertThat(cleared.get("department_id").asLong()).isEqualTo(department);

        assertProblem(
                api.send(HttpMethod.PATCH, path, acmeAdmin, Map.of("department_id", "finance")), 422, "department_id");
        assertProblem(api.send(HttpMethod.PATCH, path, acmeAdmin, Map.of("due_at", "tomorrow")), 422, "due_at");
    }

    @Test
    void theSeedsTicketPathsAndTheRestResourcesAreInTheOpenApiDocument() {
        JsonNode paths = api.get("/api/docs", null).body().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/ticket/list",
                        "/api/v1/ticket/create",
                        "/api/v1/ticket/get/{ticketId}",
                        "/api/v1/ticket/update/status/{id}",
                        "/api/v1/ticket/update/priority/{id}",
                        "/api/v1/ticket/update/due-date/{id}",
                        "/api/v1/ticket/assign",
                        "/api/v1/ticket/{pk}/add-note",
                        "/api/v1/tickets",
                        "/api/v1/tickets/{id}",
                        "/api/v1/tickets/{id}/activities",
                        "/api/v1/ticket-statuses",
                        "/api/v1/ticket-categories");
    }

    private Api.Reply changeStatus(long id, String status) {
        return api.send(HttpMethod.PUT, "/api/v1/tickets/" + id + "/status", acmeAdmin, Map.of("status", status));
    }

    private long statusId(String name) {
        for (JsonNode status : api.get("/api/v1/ticket-statuses", acmeAdmin).body()) {
            if (status.get("name").asString().equals(name)) {
                return status.get("id").asLong();
            }
        }
        throw new IllegalStateException("no status " + name);
    }

    private long agentId(String token) {
        String email = api.get("/api/v1/me", token).text("email");
        JsonNode agents =
                api.get("/api/v1/agent/list?search=" + email, acmeAdmin).body();
        return agents.get("items").get(0).get("id").asLong();
    }

    private List<Long> ids(String query) {
        return ids(acmeAdmin, query);
    }

    private List<Long> ids(String token, String query) {
        Api.Reply reply = api.get("/api/v1/tickets?" + query, token);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return StreamSupport.stream(reply.body().get("items").spliterator(), false)
                .map(t -> t.get("id").asLong())
                .toList();
    }

    private Api.Reply create(String token, Map<String, Object> body) {
        return api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
    }

    private static Map<String, Object> requester() {
        return Map.of("name", "Requester", "email", "r-" + unique() + "@example.test");
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (field != null) {
            assertThat(reply.body().get("errors").findValuesAsString("field")).contains(field);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
