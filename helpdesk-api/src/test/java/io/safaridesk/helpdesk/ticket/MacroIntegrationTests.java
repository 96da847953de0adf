package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Macros on real workspaces: personal and shared ones and who sees them, applying one to a ticket through the ticket
 * rules (all or nothing, one history entry, escaped placeholders, usage counts), its dry run, the list, and refusals
 * for other agents, other departments, customers, anonymous callers, another workspace and bad input.
 */
class MacroIntegrationTests extends TicketApiTests {

    static String acmeCustomer;

    ConversationTestSupport support;
    long department;
    ConversationTestSupport.Staff member;
    ConversationTestSupport.Staff outsider;

    @BeforeAll
    static void customer() {
        acmeCustomer = acme.token(acme.addUser("customer"));
    }

    @BeforeEach
    void departmentWithAMemberAndAnOutsider() {
        support = new ConversationTestSupport(api, port);
        department = support.department(acmeAdmin);
        member = support.agent(acme, acmeAdmin, List.of(department));
        outsider = support.agent(acme, acmeAdmin, List.of(support.department(acmeAdmin)));
    }

    @Test
    void agentsKeepPersonalMacrosAndAdminsShareThemWithADepartmentOrTheWorkspace() {
        Api.Reply personal = create(member.token(), Map.of("name", "Mine " + suffix(), "body_html", "<p>Hello</p>"));
        assertThat(personal.status()).isEqualTo(201);
        assertThat(personal.text("scope")).isEqualTo("personal");
        assertThat(personal.body().get("owner_agent_id").asLong()).isEqualTo(member.agentId());
        assertThat(personal.text("visibility")).isEqualTo("public");
        long personalId = personal.body().get("id").asLong();

        Map<String, Object> shared = Map.of(
                "name",
                "Team " + suffix(),
                "scope",
                "department",
                "department_id",
                department,
                "body_html",
                "<p>Hi</p>");
        assertThat(create(member.token(), shared).status())
                .as("agents do not create shared macros")
                .isEqualTo(403);
        Api.Reply team = create(acmeAdmin, shared);
        assertThat(team.status()).isEqualTo(201);
        long teamId = team.body().get("id").asLong();
        Api.Reply everyone = create(
                acmeAdmin,
                Map.of("name", "All " + suffix(), "scope", "workspace", "actions", Map.of("priority", "low")));
        assertThat(everyone.status()).isEqualTo(201);
        long everyoneId = everyone.body().get("id").asLong();

        assertThat(ids(api.get("/api/v1/macros?limit=100", member.token()))).contains(personalId, teamId, everyoneId);
        assertThat(ids(api.get("/api/v1/macros?limit=100&scope=personal", member.token())))
                .contains(personalId)
                .doesNotContain(teamId, everyoneId);
        assertThat(ids(api.get("/api/v1/macros?limit=100&scope=shared", member.token())))
                .contains(teamId, everyoneId)
                .doesNotContain(personalId);
        assertThat(ids(api.get("/api/v1/macros?limit=100&department_id=" + department, member.token())))
                .containsExactly(teamId);
        assertThat(api.get("/api/v1/macros/" + teamId, member.token()).status()).isEqualTo(200);
        assertThat(api.send(HttpMethod.PATCH, "/api/v1/macros/" + teamId, member.token(), Map.of("name", "Mine now"))
                        .status())
                .as("a member uses a department macro but does not manage it")
                .isEqualTo(403);

        assertThat(ids(api.get("/api/v1/macros?limit=100", outsider.token())))
                .as("another agent sees neither someone's personal macro nor another department's")
                .contains(everyoneId)
                .doesNotContain(personalId, teamId);
        for (long hidden : List.of(personalId, teamId)) {
            assertThat(api.get("/api/v1/macros/" + hidden, outsider.token()).status())
                    .isEqualTo(404);
            assertThat(api.send(HttpMethod.PATCH, "/api/v1/macros/" + hidden, outsider.token(), Map.of("name", "X"))
                            .status())
                    .isEqualTo(404);
            assertThat(api.send(HttpMethod.DELETE, "/api/v1/macros/" + hidden, outsider.token(), null)
                            .status())
                    .isEqualTo(404);
        }
        long outsidersTicket = support.ticket(acmeAdmin, null, "req-" + suffix() + "@example.com");
        assertThat(apply(outsidersTicket, personalId, outsider.token(), false).status())
                .as("nobody applies someone else's personal macro")
                .isEqualTo(404);
        assertThat(apply(outsidersTicket, teamId, outsider.token(), false).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/macros/" + personalId, acmeAdmin).status())
                .as("personal means personal, also for admins")
                .isEqualTo(404);

        Api.Reply renamed = api.send(
                HttpMethod.PATCH,
                "/api/v1/macros/" + personalId,
                member.token(),
                Map.of("name", "Renamed", "version", 0));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Renamed");
        assertThat(renamed.text("body_html")).isEqualTo("<p>Hello</p>");
        assertThat(api.send(HttpMethod.PATCH, "/api/v1/macros/" + personalId, member.token(), Map.of("version", 0))
                        .status())
                .as("a stale version")
                .isEqualTo(409);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/macros/" + personalId, member.token(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/macros/" + personalId, member.token()).status())
                .isEqualTo(404);
    }

    @Test
    void customersAnonymousCallersAndAnotherWorkspaceAreRefused() {
        long macro = create(
                        acmeAdmin, Map.of("name", "Shared " + suffix(), "scope", "workspace", "body_html", "<p>x</p>"))
                .body()
                .get("id")
                .asLong();
        long ticket = support.ticket(acmeAdmin, null, "req-" + suffix() + "@example.com");

        assertThat(api.get("/api/v1/macros", acmeCustomer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/macros/" + macro, acmeCustomer).status()).isEqualTo(403);
        assertThat(create(acmeCustomer, Map.of("name", "Nope", "body_html", "<p>x</p>"))
                        .status())
                .isEqualTo(403);
        assertThat(apply(ticket, macro, acmeCustomer, false).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/macros", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/macros/" + macro, null).status()).isEqualTo(401);
        assertThat(apply(ticket, macro, null, true).status()).isEqualTo(401);

        assertThat(api.get("/api/v1/macros/" + macro, globexAdmin).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/macros?limit=100", globexAdmin))).doesNotContain(macro);
        assertThat(api.send(HttpMethod.PATCH, "/api/v1/macros/" + macro, globexAdmin, Map.of("name", "Hijacked"))
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/macros/" + macro, globexAdmin, null)
                        .status())
                .isEqualTo(404);
        assertThat(apply(ticket, macro, globexAdmin, false).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/macros/" + macro, acmeAdmin).text("name")).startsWith("Shared ");
        assertThat(api.get("/api/v1/macros/" + macro, acmeAdmin)
                        .body()
                        .get("usage_count")
                        .asLong())
                .isZero();
    }

    @Test
    void applyingChangesTheFieldsPostsTheReplyEscapedAndRecordsOneEntry() {
        String requester = "Jo <b>& Co</b>";
        long ticket = ticket(department, requester, List.of("old", "keep"));
        long other = ticket(department, "Someone", List.of());
        String name = "Escalate " + suffix();
        long macro = create(
                        acmeAdmin,
                        Map.of(
                                "name",
                                name,
                                "scope",
                                "department",
                                "department_id",
                                department,
                                "body_html",
                                "<p>Hi {{ requester.name }}, {{ticket.number}} is now {{ticket.status}}.</p>",
                                "actions",
                                Map.of(
                                        "status",
                                        "pending",
                                        "priority",
                                        "high",
                                        "assignee_id",
                                        member.agentId(),
                                        "add_tags",
                                        List.of("VIP", "billing"),
                                        "remove_tags",
                                        List.of("old"))))
                .body()
                .get("id")
                .asLong();
        long number = api.get("/api/v1/tickets/" + ticket, acmeAdmin)
                .body()
                .get("number")
                .asLong();
        List<String> eventsBefore = events(ticket);

        Api.Reply preview = apply(ticket, macro, member.token(), true);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("applied").asBoolean()).isFalse();
        assertThat(preview.body().get("message_id").isNull()).isTrue();
        assertThat(preview.text("body_html"))
                .contains("Jo &lt;b&gt;&amp; Co&lt;/b&gt;", "T-" + number, "is now Pending")
                .doesNotContain("<b>");
        assertThat(changes(preview))
                .containsExactly(
                        "status:Open->Pending",
                        "priority:MEDIUM->HIGH",
                        "tags:old,keep->keep,vip,billing",
                        "assignee_id:null->" + member.agentId());
        JsonNode untouched = api.get("/api/v1/tickets/" + ticket, acmeAdmin).body();
        assertThat(untouched.get("status").get("name").asString()).isEqualTo("Open");
        assertThat(untouched.get("assignee_id").isNull()).isTrue();
        assertThat(messages(ticket)).isEmpty();
        assertThat(actions(ticket)).doesNotContain("macro_applied");
        assertThat(usage(macro)).as("a dry run is no use").isZero();
        assertThat(events(ticket)).as("a dry run publishes nothing").isEqualTo(eventsBefore);

        Api.Reply applied = apply(ticket, macro, member.token(), false);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        assertThat(changes(applied)).isEqualTo(changes(preview));

        JsonNode after = api.get("/api/v1/tickets/" + ticket, acmeAdmin).body();
        assertThat(after.get("status").get("name").asString()).isEqualTo("Pending");
        assertThat(after.get("priority").asString()).isEqualTo("HIGH");
        assertThat(after.get("assignee_id").asLong()).isEqualTo(member.agentId());
        assertThat(after.get("tags").values()).extracting(JsonNode::asString).containsExactly("keep", "vip", "billing");
        List<JsonNode> messages = messages(ticket);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().get("id").asLong())
                .isEqualTo(applied.body().get("message_id").asLong());
        assertThat(messages.getFirst().get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(messages.getFirst().get("author_agent_id").asLong()).isEqualTo(member.agentId());
        assertThat(messages.getFirst().get("body_html").asString())
                .contains("&lt;b&gt;", "T-" + number)
                .doesNotContain("<b>", "{{");
        List<JsonNode> history = history(ticket);
        assertThat(history.stream().filter(e -> e.get("action").asString().equals("macro_applied")))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("field").asString()).isEqualTo("macro");
                    assertThat(entry.get("new_value").asString()).isEqualTo(name);
                    assertThat(entry.get("actor_id").asString()).isNotBlank();
                });
        assertThat(usage(macro)).isEqualTo(1);
        assertThat(events(ticket))
                .as("each step publishes as it does when done by hand")
                .contains("ticket.reply-added", "ticket.status-changed", "ticket.updated", "ticket.assigned");

        assertThat(apply(other, macro, member.token(), false).status()).isEqualTo(200);
        assertThat(usage(macro)).isEqualTo(2);
        assertThat(api.get("/api/v1/macros/" + macro, member.token())
                        .body()
                        .get("last_used_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void anInternalNoteMacroWritesANoteAndAFieldOnlyMacroNoMessage() {
        long ticket = ticket(department, "Req", List.of());
        long note = create(
                        member.token(),
                        Map.of("name", "Note " + suffix(), "body_html", "<p>Checked</p>", "visibility", "internal"))
                .body()
                .get("id")
                .asLong();
        long fields = create(member.token(), Map.of("name", "Low " + suffix(), "actions", Map.of("priority", "low")))
                .body()
                .get("id")
                .asLong();

        assertThat(apply(ticket, note, member.token(), false).status()).isEqualTo(200);
        Api.Reply changed = apply(ticket, fields, member.token(), false);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("body_html").isNull()).isTrue();
        assertThat(changed.body().get("message_id").isNull()).isTrue();

        assertThat(messages(ticket))
                .singleElement()
                .satisfies(m -> assertThat(m.get("visibility").asString()).isEqualTo("INTERNAL"));
        assertThat(api.get("/api/v1/tickets/" + ticket, acmeAdmin)
                        .body()
                        .get("priority")
                        .asString())
                .isEqualTo("LOW");
    }

    @Test
    void aStepTheTicketRefusesUndoesTheWholeMacro() {
        long ticket = ticket(department, "Req", List.of("keep"));
        long macro = create(
                        acmeAdmin,
                        Map.of(
                                "name",
                                "Hand over " + suffix(),
                                "scope",
                                "workspace",
                                "body_html",
                                "<p>Passing this on</p>",
                                "actions",
                                Map.of(
                                        "status",
                                        "Resolved",
                                        "add_tags",
                                        List.of("handed"),
                                        "assignee_id",
                                        outsider.agentId())))
                .body()
                .get("id")
                .asLong();

        Api.Reply refused = apply(ticket, macro, member.token(), false);

        assertField(refused, 422, "agent_id");
        assertThat(refused.text("detail")).contains("department");
        JsonNode after = api.get("/api/v1/tickets/" + ticket, acmeAdmin).body();
        assertThat(after.get("status").get("name").asString()).isEqualTo("Open");
        assertThat(after.get("tags").values()).extracting(JsonNode::asString).containsExactly("keep");
        assertThat(after.get("assignee_id").isNull()).isTrue();
        assertThat(messages(ticket)).as("the reply went with the rest").isEmpty();
        assertThat(actions(ticket)).doesNotContain("macro_applied", "replied", "status_changed");
        assertThat(usage(macro)).isZero();
        assertField(apply(ticket, macro, member.token(), true), 422, "agent_id");
    }

    @Test
    void aTicketOutOfSightCannotTakeAMacro() {
        long hidden = ticket(support.department(acmeAdmin), "Req", List.of());
        long macro = create(outsider.token(), Map.of("name", "Mine " + suffix(), "body_html", "<p>x</p>"))
                .body()
                .get("id")
                .asLong();

        Api.Reply refused = apply(hidden, macro, outsider.token(), false);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("type")).endsWith("/ticket-not-found");
        assertThat(apply(hidden, macro, outsider.token(), true).status()).isEqualTo(404);
        assertThat(apply(hidden + 1_000_000, macro, outsider.token(), false).status())
                .as("the same as a ticket that does not exist")
                .isEqualTo(404);
        assertThat(messages(hidden)).isEmpty();
        assertThat(usage(macro, outsider.token())).isZero();
    }

    @Test
    void badInputIsA422NamingTheField() {
        assertField(
                create(member.token(), Map.of("name", "X", "body_html", "<p>{{ticket.secret}}</p>")), 422, "body_html");
        assertThat(create(member.token(), Map.of("name", "X", "body_html", "<p>{{ticket.secret}}</p>"))
                        .text("detail"))
                .contains("{{ticket.secret}}");
        assertField(
                create(member.token(), Map.of("name", "X", "actions", Map.of("status", "Nirvana"))),
                422,
                "actions.status");
        assertField(
                create(member.token(), Map.of("name", "X", "actions", Map.of("assignee_id", 987_654_321))),
                422,
                "actions.assignee_id");
        assertField(
                create(member.token(), Map.of("name", "X", "actions", Map.of("department_id", 987_654_321))),
                422,
                "actions.department_id");
        assertField(
                create(member.token(), Map.of("name", "X", "actions", Map.of("priority", "urgent"))),
                422,
                "actions.priority");
        assertField(create(member.token(), Map.of("body_html", "<p>x</p>")), 422, "name");
        assertField(create(member.token(), Map.of("name", "X")), 422, "body_html");
        assertField(
                create(member.token(), Map.of("name", "X", "scope", "galaxy", "body_html", "<p>x</p>")), 422, "scope");
        assertField(
                create(acmeAdmin, Map.of("name", "X", "scope", "department", "body_html", "<p>x</p>")),
                422,
                "department_id");
        assertField(
                create(member.token(), Map.of("name", "X", "visibility", "secret", "body_html", "<p>x</p>")),
                422,
                "visibility");
        assertField(create(member.token(), Map.of("name", "X", "body_html", 42)), 422, "body_html");
        assertField(api.get("/api/v1/macros?sort=colour", member.token()), 422, "sort");
        assertField(api.get("/api/v1/macros?scope=galaxy", member.token()), 422, "scope");
        assertField(api.get("/api/v1/macros?cursor=bm9wZQ", member.token()), 422, "cursor");
    }

    @Test
    void theListSearchesOrdersByNameOrUsageAndPagesWithoutRepeats() {
        String word = "zebra" + suffix().replaceAll("[0-9-]", "");
        long ticket = ticket(department, "Req", List.of());
        long charlie = create(member.token(), Map.of("name", "Charlie " + word, "actions", Map.of("priority", "low")))
                .body()
                .get("id")
                .asLong();
        long alpha = create(member.token(), Map.of("name", "alpha " + word, "actions", Map.of("priority", "low")))
                .body()
                .get("id")
                .asLong();
        long bravo = create(member.token(), Map.of("name", "Bravo " + word, "actions", Map.of("priority", "low")))
                .body()
                .get("id")
                .asLong();
        create(member.token(), Map.of("name", "Unrelated " + suffix(), "actions", Map.of("priority", "low")));
        apply(ticket, bravo, member.token(), false);
        apply(ticket, bravo, member.token(), false);
        apply(ticket, charlie, member.token(), false);

        assertThat(ids(api.get("/api/v1/macros?q=" + word.toUpperCase(), member.token())))
                .containsExactly(alpha, bravo, charlie);
        assertThat(ids(api.get("/api/v1/macros?sort=usage&q=" + word, member.token())))
                .containsExactly(bravo, charlie, alpha);
        assertThat(ids(api.get("/api/v1/macros?q=%25", member.token())))
                .as("% is searched for, not a wildcard")
                .isEmpty();

        for (String sort : List.of("name", "usage")) {
            List<Long> paged = new ArrayList<>();
            String cursor = null;
            do {
                Api.Reply page = api.get(
                        "/api/v1/macros?limit=1&sort=" + sort + "&q=" + word
                                + (cursor == null ? "" : "&cursor=" + cursor),
                        member.token());
                assertThat(page.status()).isEqualTo(200);
                paged.addAll(ids(page));
                cursor = page.body().get("next_cursor").isNull() ? null : page.text("next_cursor");
            } while (cursor != null);
            assertThat(paged)
                    .as(sort)
                    .containsExactlyElementsOf(
                            ids(api.get("/api/v1/macros?sort=" + sort + "&q=" + word, member.token())));
        }
        assertField(
                api.get(
                        "/api/v1/macros?limit=1&sort=usage&q=" + word + "&cursor="
                                + api.get("/api/v1/macros?limit=1&sort=name&q=" + word, member.token())
                                        .text("next_cursor"),
                        member.token()),
                422,
                "cursor");
    }

    private Api.Reply create(String token, Map<String, Object> body) {
        return api.send(HttpMethod.POST, "/api/v1/macros", token, body);
    }

    private Api.Reply apply(long ticket, long macro, String token, boolean dryRun) {
        return api.send(
                HttpMethod.POST,
                "/api/v1/tickets/" + ticket + "/macros/" + macro + "/apply" + (dryRun ? "?dry_run=true" : ""),
                token,
                null);
    }

    private long ticket(long departmentId, String requesterName, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Macro target " + suffix());
        body.put("description", "<p>Help</p>");
        body.put("requester", Map.of("name", requesterName, "email", "req-" + suffix() + "@example.com"));
        body.put("department_id", departmentId);
        body.put("tags", tags);
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private long usage(long macro) {
        return usage(macro, acmeAdmin);
    }

    private long usage(long macro, String token) {
        return api.get("/api/v1/macros/" + macro, token)
                .body()
                .get("usage_count")
                .asLong();
    }

    private List<String> events(long ticket) {
        return jdbc.queryForList(
                "select type from platform.outbox where tenant_slug = ? and (payload->>'ticket_id')::bigint = ?"
                        + " order by created_at, type",
                String.class,
                acme.slug().value(),
                ticket);
    }

    private List<JsonNode> messages(long ticket) {
        return items(api.get("/api/v1/tickets/" + ticket + "/messages", acmeAdmin));
    }

    private List<JsonNode> history(long ticket) {
        return items(api.get("/api/v1/tickets/" + ticket + "/activities?limit=100", acmeAdmin));
    }

    private List<String> actions(long ticket) {
        return history(ticket).stream().map(e -> e.get("action").asString()).toList();
    }

    private static List<String> changes(Api.Reply run) {
        return StreamSupport.stream(run.body().get("changes").spliterator(), false)
                .map(c -> c.get("field").asString() + ":" + text(c, "old_value") + "->" + text(c, "new_value"))
                .toList();
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asString();
    }

    private static List<Long> ids(Api.Reply page) {
        assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
        return items(page).stream().map(m -> m.get("id").asLong()).toList();
    }

    private static List<JsonNode> items(Api.Reply page) {
        return StreamSupport.stream(page.body().get("items").spliterator(), false)
                .toList();
    }
}
