package io.safaridesk.helpdesk.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tasks on real workspaces: numbering, the seed's paths, updates and history, events, listing, counts, comments with
 * mentions and files, status labels, the ticket rule on open tasks, isolation, roles and bad input.
 */
class TaskIntegrationTests extends TwoWorkspaceApiTests {

    static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
    };

    static String acmeAgent;
    static String acmeCustomer;

    @Autowired
    DataSource dataSource;

    JdbcClient jdbc;

    @BeforeAll
    static void moreUsers() {
        acmeAgent = acme.token(acme.addUser("agent"));
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    /** Works around the core's lazy settings row, which a read-only ticket view cannot create. */
    @BeforeEach
    void workspaceSettingsExist() {
        jdbc = JdbcClient.create(dataSource);
        assertThat(api.get("/api/v1/settings", acmeAdmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/settings", globexAdmin).status()).isEqualTo(200);
    }

    @Test
    void theSeedsPathsCreateNumberUpdateAndRecordTasks() {
        Api.Reply first = api.send(
                HttpMethod.POST,
                "/api/v1/task/create/",
                acmeAgent,
                Map.of(
                        "title",
                        "Call the courier " + unique(),
                        "description",
                        "<p>Ask <b>why</b></p><script>x()</script>",
                        "priority",
                        "high"));
        assertThat(first.status()).isEqualTo(201);
        Api.Reply second =
                api.send(HttpMethod.POST, "/api/v1/task/create", acmeAgent, Map.of("title", "Second " + unique()));
        assertThat(second.status()).isEqualTo(201);

        JsonNode task = first.body();
        assertThat(task.get("task_id").asString()).matches("TSK-\\d+");
        assertThat(second.body().get("number").asLong())
                .as("gapless, one after the other")
                .isEqualTo(task.get("number").asLong() + 1);
        assertThat(task.get("status").get("key").asString()).isEqualTo("TODO");
        assertThat(task.get("status").get("label").asString()).isNotBlank();
        assertThat(task.get("priority").asString()).isEqualTo("HIGH");
        assertThat(task.get("description_html").asString())
                .contains("<b>why</b>")
                .doesNotContain("script");
        long id = task.get("id").asLong();

        Api.Reply moved = api.send(
                HttpMethod.PUT,
                "/api/v1/task/update-status/",
                acmeAgent,
                Map.of("task_id", task.get("task_id").asString(), "status", "in_progress", "version", 0));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("status").get("key").asString()).isEqualTo("IN_PROGRESS");
        Api.Reply done = api.send(
                HttpMethod.PUT,
                "/api/v1/task/update-status",
                acmeAgent,
                Map.of("task_id", Long.toString(id), "status", "done"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("completed_at").isNull()).isFalse();
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/task/update-status",
                                acmeAgent,
                                Map.of("task_id", Long.toString(id), "status", "todo", "version", 0))
                        .status())
                .as("a stale version")
                .isEqualTo(409);

        Api.Reply renamed =
                api.send(HttpMethod.PATCH, "/api/v1/tasks/" + id, acmeAgent, Map.of("title", "Call the depot"));
        assertThat(renamed.body().get("title").asString()).isEqualTo("Call the depot");
        long me = agentId(acmeAgent);
        assertThat(api.send(HttpMethod.PUT, "/api/v1/tasks/" + id + "/assignee", acmeAgent, Map.of("agent_id", me))
                        .body()
                        .get("assignee_id")
                        .asLong())
                .isEqualTo(me);
        assertThat(api.get("/api/v1/tasks/" + id, acmeAdmin).text("title")).isEqualTo("Call the depot");

        JsonNode history =
                api.get("/api/v1/tasks/" + id + "/activities", acmeAdmin).body().get("items");
        assertThat(StreamSupport.stream(history.spliterator(), false)
                        .map(a -> a.get("action").asString() + ":" + text(a, "field") + ":" + text(a, "old_value")
                                + "->" + text(a, "new_value"))
                        .toList())
                .contains(
                        "created:null:null->null",
                        "status_changed:status:TODO->IN_PROGRESS",
                        "status_changed:status:IN_PROGRESS->DONE",
                        "updated:title:" + task.get("title").asString() + "->Call the depot",
                        "assigned:assignee_id:null->" + me);
        assertThat(events(id)).contains("task.created", "task.status-changed", "task.updated", "task.assigned");
    }

    @Test
    void listsFilterSearchCountAndPageWithoutRepeats() {
        String word = "zebra" + unique().replaceAll("[0-9-]", "");
        long me = agentId(acmeAgent);
        long ticket = ticket(acmeAdmin, null);
        Map<String, Long> before = counts(acmeAgent);
        long a = create(acmeAgent, Map.of("title", "Feed the " + word, "priority", "low"))
                .get("id")
                .asLong();
        long b = create(acmeAgent, Map.of("title", "Wash the " + word, "assignee_id", me, "ticket_id", ticket))
                .get("id")
                .asLong();
        long c = create(
                        acmeAgent,
                        Map.of(
                                "title",
                                "Paint the " + word,
                                "status",
                                "in progress",
                                "due_at",
                                Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .get("id")
                .asLong();
        long d =
                create(acmeAgent, Map.of("title", "Sell the " + word)).get("id").asLong();
        api.send(HttpMethod.PUT, "/api/v1/tasks/" + d + "/status", acmeAgent, Map.of("status", "done"));
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/tasks/bulk",
                                acmeAgent,
                                Map.of("action", "archive", "task_ids", List.of(a)))
                        .status())
                .isEqualTo(200);

        assertThat(ids(acmeAgent, "search=" + word)).containsExactly(d, c, b);
        assertThat(ids(acmeAgent, "search=" + word + "&view=archived_tasks")).containsExactly(a);
        assertThat(ids(acmeAgent, "q=" + word + "&status=in_progress,done")).containsExactly(d, c);
        assertThat(ids(acmeAgent, "search=" + word + "&assigned_to=me")).containsExactly(b);
        assertThat(ids(acmeAgent, "search=" + word + "&assigned_to=unassigned")).containsExactly(d, c);
        assertThat(ids(acmeAgent, "search=" + word + "&ticket=" + ticket)).containsExactly(b);
        assertThat(ids(acmeAgent, "search=" + word + "&view=completed_tasks")).containsExactly(d);
        assertThat(ids(
                        acmeAgent,
                        "search=Paint+" + word + "&due_to=" + Instant.now().plus(2, ChronoUnit.HOURS)))
                .containsExactly(c);
        assertThat(ids(acmeAgent, "search=" + word + "&date_from=2000-01-01&date_to=2000-01-02"))
                .isEmpty();

        Map<String, Long> after = counts(acmeAgent);
        assertThat(after.get("all_tasks") - before.get("all_tasks")).isEqualTo(3);
        assertThat(after.get("my_tasks") - before.get("my_tasks")).isEqualTo(1);
        assertThat(after.get("open_tasks") - before.get("open_tasks")).isEqualTo(2);
        assertThat(after.get("in_progress_tasks") - before.get("in_progress_tasks"))
                .isEqualTo(1);
        assertThat(after.get("completed_tasks") - before.get("completed_tasks")).isEqualTo(1);
        assertThat(after.get("archived_tasks") - before.get("archived_tasks")).isEqualTo(1);
        assertThat(after.keySet())
                .containsExactly(
                        "all_tasks",
                        "my_tasks",
                        "open_tasks",
                        "in_progress_tasks",
                        "completed_tasks",
                        "overdue_tasks",
                        "archived_tasks",
                        "trash_tasks");

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/tasks?search=" + word + "&view=all_tasks&limit=1"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            acmeAgent)
                    .body();
            page.get("items").forEach(t -> paged.add(t.get("id").asLong()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            if (cursor != null && paged.size() == 1) {
                create(acmeAgent, Map.of("title", "Late " + word));
            }
        } while (cursor != null);
        assertThat(paged).as("newest first, none repeated").startsWith(d, c, b).doesNotHaveDuplicates();

        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/tasks/bulk",
                                acmeAgent,
                                Map.of("action", "trash", "task_ids", List.of(b, c)))
                        .status())
                .isEqualTo(200);
        assertThat(ids(acmeAgent, "search=" + word + "&view=trash_tasks")).containsExactly(c, b);
        api.send(HttpMethod.POST, "/api/v1/tasks/bulk", acmeAgent, Map.of("action", "restore", "task_ids", List.of(b)));
        assertThat(ids(acmeAgent, "search=" + word + "&view=trash_tasks")).containsExactly(c);
    }

    @Test
    void commentsMentionAgentsAndCarryFiles() {
        TestWorkspace.User colleague = acme.addUser("agent");
        String colleagueToken = acme.token(colleague);
        long colleagueId = agentId(colleagueToken);
        long id = create(acmeAgent, Map.of("title", "Order toner " + unique()))
                .get("id")
                .asLong();

        Api.Reply comment = api.send(
                HttpMethod.POST,
                "/api/v1/tasks/" + id + "/comments",
                acmeAgent,
                Map.of(
                        "body",
                        "<p>Please check @" + colleague.username() + " and mail " + colleague.username()
                                + "</p><img src=x onerror=alert(1)>"));
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.body().get("body_html").asString()).doesNotContain("onerror");
        assertThat(comment.body().get("mentioned_agent_ids").values())
                .extracting(JsonNode::asLong)
                .containsExactly(colleagueId);
        long commentId = comment.body().get("id").asLong();

        Api.Reply attached = api.upload(
                HttpMethod.POST,
                "/api/v1/tasks/" + id + "/attachments",
                acmeAgent,
                "file",
                "shot.png",
                MediaType.TEXT_HTML,
                PNG,
                Map.of("comment_id", Long.toString(commentId)));
        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.body().get("content_type").asString())
                .as("sniffed from the bytes, not the claim")
                .isEqualTo("image/png");
        assertThat(attached.body().get("comment_id").asLong()).isEqualTo(commentId);
        Api.Download download = api.download(attached.body().get("content_url").asString(), acmeAdmin);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.content()).isEqualTo(PNG);
        assertThat(api.get("/api/v1/tasks/" + id + "/attachments", acmeAdmin)
                        .body()
                        .values())
                .hasSize(1);
        assertThat(api.get("/api/v1/tasks/" + id + "/comments", acmeAdmin)
                        .body()
                        .get("items")
                        .get(0)
                        .get("mentioned_agent_ids")
                        .get(0)
                        .asLong())
                .isEqualTo(colleagueId);
        Api.Reply html = api.upload(
                HttpMethod.POST,
                "/api/v1/tasks/" + id + "/attachments",
                acmeAgent,
                "file",
                "evil.html",
                MediaType.IMAGE_PNG,
                "<html><script>x()</script></html>".getBytes(),
                Map.of());
        assertField(html, 415, "file");

        assertThat(events(id)).contains("task.comment-added", "task.mention-made", "task.updated");
        assertThat(jdbc.sql("select (payload->>'agent_id')::bigint from platform.outbox where tenant_slug = ?"
                                + " and type = 'task.mention-made' and (payload->>'task_id')::bigint = ?")
                        .params(acme.slug().value(), id)
                        .query(Long.class)
                        .list())
                .containsExactly(colleagueId);
        assertThat(StreamSupport.stream(
                                api.get("/api/v1/tasks/" + id + "/activities", acmeAdmin)
                                        .body()
                                        .get("items")
                                        .spliterator(),
                                false)
                        .map(a -> a.get("action").asString())
                        .toList())
                .contains("commented", "mentioned", "attached");
    }

    @Test
    void aTicketWithOpenTasksIsResolvedOrClosedOnlyWithAnOverrideReason() {
        long ticket = ticket(acmeAgent, null);
        JsonNode task = create(acmeAgent, Map.of("title", "Replace the fuser " + unique(), "ticket_id", ticket));

        Api.Reply refused = api.send(
                HttpMethod.PUT, "/api/v1/tickets/" + ticket + "/status", acmeAgent, Map.of("status", "Resolved"));
        assertField(refused, 409, "override_reason");
        assertThat(refused.body().get("type").asString()).endsWith("/ticket-has-open-tasks");
        assertThat(refused.body().get("detail").asString())
                .contains(task.get("task_id").asString());
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/ticket/update/status/" + ticket,
                                acmeAgent,
                                Map.of("status", "Closed", "override_reason", "  "))
                        .status())
                .as("a blank reason is no reason")
                .isEqualTo(409);

        Api.Reply overridden = api.send(
                HttpMethod.PUT,
                "/api/v1/tickets/" + ticket + "/status",
                acmeAgent,
                Map.of("status", "Resolved", "override_reason", "Customer confirmed the fix"));
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().get("status").get("category").asString()).isEqualTo("RESOLVED");
        JsonNode history = api.get("/api/v1/tickets/" + ticket + "/activities", acmeAdmin)
                .body()
                .get("items");
        assertThat(StreamSupport.stream(history.spliterator(), false)
                        .filter(a -> a.get("action").asString().equals("open_tasks_overridden"))
                        .map(a -> text(a, "field") + "=" + text(a, "new_value"))
                        .toList())
                .containsExactly(
                        "open_tasks=" + task.get("task_id").asString(), "override_reason=Customer confirmed the fix");

        long other = ticket(acmeAgent, null);
        create(acmeAgent, Map.of("title", "Blocked work " + unique(), "ticket_id", other, "status", "blocked"));
        Api.Reply bulkRefused = api.send(
                HttpMethod.POST,
                "/api/v1/tickets/bulk",
                acmeAgent,
                Map.of("action", "set_status", "status", "Closed", "ticket_ids", List.of(other)));
        assertField(bulkRefused, 422, "ticket_ids[0]");
        assertThat(bulkRefused.body().get("errors").get(0).get("reason").asString())
                .contains("ticket-has-open-tasks");
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/tickets/bulk",
                                acmeAgent,
                                Map.of(
                                        "action",
                                        "set_status",
                                        "status",
                                        "Closed",
                                        "ticket_ids",
                                        List.of(other),
                                        "override_reason",
                                        "Duplicate request"))
                        .body()
                        .get("succeeded")
                        .asInt())
                .isEqualTo(1);

        long third = ticket(acmeAgent, null);
        long done = create(acmeAgent, Map.of("title", "Finished " + unique(), "ticket_id", third))
                .get("id")
                .asLong();
        api.send(HttpMethod.PUT, "/api/v1/tasks/" + done + "/status", acmeAgent, Map.of("status", "cancelled"));
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/tickets/" + third + "/status",
                                acmeAgent,
                                Map.of("status", "Resolved"))
                        .status())
                .as("cancelled and done tasks are not open")
                .isEqualTo(200);
    }

    @Test
    void otherWorkspacesAnonymousCallersCustomersAndOutsidersCannotReachTasks() {
        long department = department();
        long ticket = ticket(acmeAdmin, department);
        JsonNode task = create(
                acmeAdmin,
                Map.of("title", "Acme secret " + unique(), "department_id", department, "ticket_id", ticket));
        long id = task.get("id").asLong();
        String base = "/api/v1/tasks/" + id;
        String outsider = acme.token(acme.addUser("agent"));

        for (String token : new String[] {globexAdmin, outsider}) {
            assertThat(api.get(base, token).status()).isEqualTo(404);
            assertThat(api.send(HttpMethod.PATCH, base, token, Map.of("title", "hijack"))
                            .status())
                    .isEqualTo(404);
            assertThat(api.send(HttpMethod.PUT, base + "/status", token, Map.of("status", "done"))
                            .status())
                    .isEqualTo(404);
            assertThat(api.send(HttpMethod.PUT, base + "/assignee", token, Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(api.send(HttpMethod.PUT, base + "/ticket", token, Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(base + "/activities", token).status()).isEqualTo(404);
            assertThat(api.get(base + "/comments", token).status()).isEqualTo(404);
            assertThat(api.send(HttpMethod.POST, base + "/comments", token, Map.of("body", "hi"))
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(base + "/attachments", token).status()).isEqualTo(404);
            assertThat(api.upload(
                                    HttpMethod.POST,
                                    base + "/attachments",
                                    token,
                                    "file",
                                    "a.png",
                                    MediaType.IMAGE_PNG,
                                    PNG,
                                    Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(api.send(
                                    HttpMethod.PUT,
                                    "/api/v1/task/update-status",
                                    token,
                                    Map.of("task_id", task.get("task_id").asString(), "status", "done"))
                            .status())
                    .isEqualTo(404);
            assertThat(ids(token, "search=secret")).doesNotContain(id);
            assertThat(api.send(
                                    HttpMethod.POST,
                                    "/api/v1/tasks/bulk",
                                    token,
                                    Map.of("action", "trash", "task_ids", List.of(id)))
                            .status())
                    .isEqualTo(422);
        }
        assertThat(api.get(base, acmeAdmin).status()).isEqualTo(200);

        for (String path : List.of(
                base,
                "/api/v1/tasks",
                "/api/v1/tasks/counts",
                "/api/v1/task/list/",
                base + "/comments",
                "/api/v1/task-statuses")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, acmeCustomer).status()).as(path).isEqualTo(403);
        }
        assertThat(api.send(HttpMethod.POST, "/api/v1/task/create/", null, Map.of("title", "x"))
                        .status())
                .isEqualTo(401);
        assertThat(api.send(HttpMethod.POST, "/api/v1/task/create", acmeCustomer, Map.of("title", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/task/update-status/",
                                acmeCustomer,
                                Map.of("task_id", Long.toString(id), "status", "done"))
                        .status())
                .isEqualTo(403);

        long outsiderId = agentId(outsider);
        Map<String, Object> assigned = new HashMap<>();
        assigned.put("agent_id", outsiderId);
        assertThat(api.send(HttpMethod.PUT, base + "/assignee", acmeAdmin, assigned)
                        .status())
                .as("an outsider is no member of the task's department")
                .isEqualTo(422);
        Map<String, Object> membership = new HashMap<>();
        membership.put("name", "Now a member");
        membership.put("departments", List.of(department));
        membership.put("leads", List.of());
        assertThat(api.send(HttpMethod.PUT, "/api/v1/agent/update/" + outsiderId, acmeAdmin, membership)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(base, outsider).status()).isEqualTo(200);
    }

    @Test
    void theWorkspaceRenamesTaskStatusesAndOnlyAdminsMayDoIt() {
        Api.Reply statuses = api.get("/api/v1/task-statuses/", acmeAgent);
        assertThat(statuses.status()).isEqualTo(200);
        assertThat(statuses.body().values())
                .extracting(s -> s.get("key").asString())
                .containsExactly("TODO", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED");

        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/task-statuses",
                                acmeAgent,
                                Map.of("labels", Map.of("todo", "Backlog")))
                        .status())
                .isEqualTo(403);
        assertField(
                api.send(HttpMethod.PUT, "/api/v1/task-statuses", acmeAdmin, Map.of("labels", Map.of("todo", "Done"))),
                422,
                "labels.done");
        assertField(
                api.send(HttpMethod.PUT, "/api/v1/task-statuses", acmeAdmin, Map.of("labels", Map.of("later", "x"))),
                422,
                "labels.later");
        assertField(
                api.send(HttpMethod.PUT, "/api/v1/task-statuses", acmeAdmin, Map.of("labels", Map.of("todo", " "))),
                422,
                "labels.todo");
        Api.Reply renamed = api.send(
                HttpMethod.PUT, "/api/v1/task-statuses", acmeAdmin, Map.of("labels", Map.of("todo", "Backlog")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get(0).get("label").asString()).isEqualTo("Backlog");
        assertThat(create(acmeAgent, Map.of("title", "Labelled " + unique()))
                        .get("status")
                        .get("label")
                        .asString())
                .isEqualTo("Backlog");
        assertThat(api.get("/api/v1/task-statuses", globexAdmin)
                        .body()
                        .get(0)
                        .get("label")
                        .asString())
                .as("globex keeps its own labels")
                .isEqualTo("To do");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        long id = create(acmeAgent, Map.of("title", "Valid " + unique()))
                .get("id")
                .asLong();
        String base = "/api/v1/tasks/" + id;
        long hiddenTicket = ticket(acmeAdmin, department());

        assertField(api.send(HttpMethod.POST, "/api/v1/tasks", acmeAgent, Map.of("description", "x")), 400, "title");
        assertField(post(Map.of("title", "t", "status", "someday")), 422, "status");
        assertField(post(Map.of("title", "t", "priority", "urgent")), 422, "priority");
        assertField(post(Map.of("title", "t", "department_id", 999_999)), 422, "department_id");
        assertField(post(Map.of("title", "t", "ticket_id", 999_999)), 422, "ticket_id");
        assertField(post(Map.of("title", "t", "ticket_id", hiddenTicket)), 422, "ticket_id");
        assertField(post(Map.of("title", "t", "assignee_id", 999_999)), 422, "agent_id");
        assertField(post(Map.of("title", "t", "due_at", "2001-01-01T00:00:00Z")), 422, "due_at");
        assertField(api.send(HttpMethod.POST, "/api/v1/task/create/", acmeAgent, Map.of("title", " ")), 400, "title");

        assertField(api.send(HttpMethod.PATCH, base, acmeAgent, Map.of("priority", "soon")), 422, "priority");
        assertField(api.send(HttpMethod.PATCH, base, acmeAgent, Map.of("title", "")), 400, "title");
        assertThat(api.send(HttpMethod.PATCH, base, acmeAgent, Map.of("title", "x", "version", 99))
                        .status())
                .isEqualTo(409);
        assertField(api.send(HttpMethod.PUT, base + "/status", acmeAgent, Map.of("status", "later")), 422, "status");
        assertField(api.send(HttpMethod.PUT, base + "/status", acmeAgent, Map.of()), 400, "status");
        assertField(
                api.send(HttpMethod.PUT, base + "/assignee", acmeAgent, Map.of("agent_id", 999_999)), 422, "agent_id");
        assertField(
                api.send(HttpMethod.PUT, base + "/ticket", acmeAgent, Map.of("ticket_id", hiddenTicket)),
                422,
                "ticket_id");
        assertField(api.send(HttpMethod.POST, base + "/comments", acmeAgent, Map.of()), 400, "body");
        assertField(
                api.send(HttpMethod.POST, base + "/comments", acmeAgent, Map.of("body", "<script>x()</script>")),
                422,
                "body");
        assertField(
                api.upload(
                        HttpMethod.POST,
                        base + "/attachments",
                        acmeAgent,
                        "file",
                        "empty.txt",
                        MediaType.TEXT_PLAIN,
                        new byte[0],
                        Map.of()),
                422,
                "file");
        assertField(
                api.upload(
                        HttpMethod.POST,
                        base + "/attachments",
                        acmeAgent,
                        "file",
                        "a.png",
                        MediaType.IMAGE_PNG,
                        PNG,
                        Map.of("comment_id", "999999")),
                422,
                "comment_id");
        assertThat(api.get(base + "/attachments/999999/content", acmeAgent).status())
                .isEqualTo(404);
        assertField(api.get("/api/v1/tasks?limit=500", acmeAgent), 422, "limit");
        assertField(api.get("/api/v1/tasks?view=someday", acmeAgent), 422, "view");
        assertField(api.get("/api/v1/task/list?status=later&priority=soon", acmeAgent), 422, "priority");
        assertField(api.get("/api/v1/tasks?cursor=bogus", acmeAgent), 422, "cursor");
        assertField(api.get("/api/v1/tasks?date_from=yesterday", acmeAgent), 422, "date_from");
        assertField(api.get("/api/v1/tasks?assigned_to=boss", acmeAgent), 422, "assigned_to");
        assertField(api.get("/api/v1/tasks?department=abc", acmeAgent), 400, "department");
        assertField(api.get(base + "/activities?limit=0", acmeAgent), 400, "limit");
        assertField(
                api.send(
                        HttpMethod.POST,
                        "/api/v1/tasks/bulk",
                        acmeAgent,
                        Map.of("action", "burn", "task_ids", List.of(id))),
                422,
                "action");
        assertField(
                api.send(
                        HttpMethod.POST,
                        "/api/v1/tasks/bulk",
                        acmeAgent,
                        Map.of("action", "trash", "task_ids", List.of())),
                422,
                "task_ids");
        assertField(
                api.send(HttpMethod.PUT, "/api/v1/task/update-status/", acmeAgent, Map.of("status", "done")),
                400,
                "task_id");
        assertField(
                api.send(
                        HttpMethod.PUT,
                        "/api/v1/task/update-status",
                        acmeAgent,
                        Map.of("task_id", "TSK-abc", "status", "done")),
                422,
                "task_id");
        assertField(api.send(HttpMethod.PUT, "/api/v1/task-statuses", acmeAdmin, Map.of()), 400, "labels");
        Api.Reply unreadable = api.send(HttpMethod.POST, "/api/v1/tasks", acmeAgent, "{not json");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSeedsTaskPathsAndTheRestResourcesAreInTheOpenApiDocument() {
        JsonNode paths = api.get("/api/docs", null).body().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/task/list",
                        "/api/v1/task/create",
                        "/api/v1/task/update-status",
                        "/api/v1/tasks",
                        "/api/v1/tasks/{id}",
                        "/api/v1/tasks/{id}/status",
                        "/api/v1/tasks/{id}/assignee",
                        "/api/v1/tasks/{id}/ticket",
                        "/api/v1/tasks/{id}/comments",
                        "/api/v1/tasks/{id}/attachments",
                        "/api/v1/tasks/{id}/activities",
                        "/api/v1/tasks/bulk",
                        "/api/v1/tasks/counts",
                        "/api/v1/task-statuses");
    }

    private Api.Reply post(Map<String, Object> body) {
        return api.send(HttpMethod.POST, "/api/v1/tasks", acmeAgent, body);
    }

    private JsonNode create(String token, Map<String, Object> body) {
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tasks", token, body);
        assertThat(created.status()).as("task created: %s", created.body()).isEqualTo(201);
        return created.body();
    }

    private long ticket(String token, Long department) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Printer on fire " + unique());
        body.put("requester", Map.of("name", "Req Uester", "email", "req" + unique() + "@example.test"));
        if (department != null) {
            body.put("department_id", department);
        }
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
        assertThat(created.status()).as("ticket created: %s", created.body()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private long department() {
        return api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Dept " + unique()))
                .body()
                .get("id")
                .asLong();
    }

    private long agentId(String token) {
        String email = api.get("/api/v1/me", token).text("email");
        return api.get("/api/v1/agent/list?search=" + email, acmeAdmin)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    private List<Long> ids(String token, String query) {
        Api.Reply reply = api.get("/api/v1/tasks?" + query, token);
        assertThat(reply.status()).as("list: %s", reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.body().get("items").spliterator(), false)
                .map(t -> t.get("id").asLong())
                .toList();
    }

    private Map<String, Long> counts(String token) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        api.get("/api/v1/tasks/counts/", token)
                .body()
                .properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private List<String> events(long taskId) {
        return jdbc.sql("select type from platform.outbox where tenant_slug = ? and (payload->>'task_id')::bigint = ?"
                        + " order by created_at")
                .params(acme.slug().value(), taskId)
                .query(String.class)
                .list();
    }

    private static void assertField(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").values())
                .extracting(error -> error.get("field").asString())
                .contains(field);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "null" : value.asString();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
