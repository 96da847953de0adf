package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Merging tickets and bulk operations against real Keycloak and PostgreSQL: what moves, what is refused, all or
 * nothing versus best effort, 1,000 tickets in one request, roles and workspace isolation, bad input.
 */
class TicketMergeAndBulkIntegrationTests extends TicketApiTests {

    private static final Logger log = LoggerFactory.getLogger(TicketMergeAndBulkIntegrationTests.class);

    @Test
    void mergingMovesTheConversationAndWatchersAndClosesTheSourcesPointingAtTheTarget() {
        long target = ticket("Target");
        long first = ticket("First source");
        long second = ticket("Second source");
        long watcher = jdbc.queryForObject("select min(id) from " + schema() + ".agents", Long.class);
        message(first, "One");
        message(first, "Two");
        message(second, "Three");
        jdbc.update(
                "insert into " + schema() + ".ticket_watchers (ticket_id, agent_id) values (?, ?), (?, ?)",
                first,
                watcher,
                second,
                watcher);

        Api.Reply merged = api.send(
                HttpMethod.POST,
                "/api/v1/tickets/" + target + "/merge",
                acmeAdmin,
                Map.of("source_ids", List.of(first, second), "note", "<p>Same problem</p>"));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.body().get("id").asLong()).isEqualTo(target);
        assertThat(count("ticket_messages where ticket_id = " + target + " and visibility = 'PUBLIC'"))
                .isEqualTo(3);
        assertThat(count("ticket_messages where ticket_id = " + target + " and visibility = 'INTERNAL'"))
                .isEqualTo(1);
        assertThat(count("ticket_messages where ticket_id in (" + first + ", " + second + ")"))
                .isZero();
        assertThat(count("ticket_watchers where ticket_id = " + target)).isEqualTo(1);
        assertThat(count("ticket_watchers where ticket_id in (" + first + ", " + second + ")"))
                .isZero();
        Api.Reply source = api.get("/api/v1/tickets/" + first, acmeAdmin);
        assertThat(source.body().get("merged_into_id").asLong()).isEqualTo(target);
        assertThat(source.body().get("status").get("category").asString()).isEqualTo("CLOSED");
        assertThat(actions(first)).contains("merged");
        assertThat(actions(target)).contains("merged");

        // closed for good: no further change, no second merge, no cycle
        assertThat(api.send(HttpMethod.PUT, "/api/v1/tickets/" + first + "/status", acmeAdmin, Map.of("status", "Open"))
                        .status())
                .isEqualTo(409);
        Api.Reply again = merge(ticket("Another target"), List.of(first), acmeAdmin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/ticket-merged");
        Api.Reply cycle = merge(first, List.of(target), acmeAdmin);
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.text("type")).endsWith("/merge-cycle");
        Api.Reply intoMerged = merge(second, List.of(ticket("Loose")), acmeAdmin);
        assertThat(intoMerged.status()).isEqualTo(409);
        assertThat(intoMerged.text("type")).endsWith("/ticket-merged");
    }

    @Test
    void aMergeIsRefusedIntoItselfWithoutSourcesOrAcrossWorkspacesAndTheSeedPathMerges() {
        long target = ticket("Target");
        long source = ticket("Source");
        assertField(merge(target, List.of(source, target), acmeAdmin), 422, "source_ids[1]");
        assertField(merge(target, List.of(), acmeAdmin), 422, "source_ids");
        assertField(
                api.send(HttpMethod.POST, "/api/v1/tickets/" + target + "/merge", acmeAdmin, Map.of()),
                422,
                "source_ids");
        assertThat(api.send(HttpMethod.POST, "/api/v1/tickets/" + target + "/merge", acmeAdmin, "[")
                        .status())
                .isEqualTo(400);
        assertThat(merge(target, List.of(source), globexAdmin).status()).isEqualTo(404);
        // ids are per workspace: a globex ticket id may exist in acme too, so isolation is tested from globex's side
        long globexTarget = ticket(globexAdmin, "Globex");
        assertThat(merge(globexTarget, List.of(999_999_998L), globexAdmin).status())
                .isEqualTo(404);
        assertThat(merge(target, List.of(999_999_999L), acmeAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + source, acmeAdmin)
                        .body()
                        .get("merged_into_id")
                        .isNull())
                .isTrue();
        String customer = acme.token(acme.addUser("customer"));
        assertThat(merge(target, List.of(source), customer).status()).isEqualTo(403);

        Api.Reply seed = api.send(
                HttpMethod.POST,
                "/api/v1/ticket/" + target + "/merge/",
                acmeAdmin,
                Map.of("ticket_ids", List.of(source)));
        assertThat(seed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + source, acmeAdmin)
                        .body()
                        .get("merged_into_id")
                        .asLong())
                .isEqualTo(target);
    }

    @Test
    void aBulkRequestChangesAThousandTicketsInOneTransaction() {
        List<Long> ids = thousandTickets();

        long started = System.nanoTime();
        Api.Reply archived = bulk(acmeAdmin, Map.of("action", "archive", "ticket_ids", ids));
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Bulk archive of {} tickets took {} ms", ids.size(), millis);

        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().get("succeeded").asInt()).isEqualTo(1000);
        assertThat(archived.body().get("failed").asInt()).isZero();
        assertThat(archived.body().get("results").get(999).get("result").asString())
                .isEqualTo("ok");
        assertThat(count("tickets where archived and id in (" + join(ids) + ")"))
                .isEqualTo(1000);
        assertThat(count("ticket_activities where field = 'archived' and ticket_id in (" + join(ids) + ")"))
                .isEqualTo(1000);

        started = System.nanoTime();
        Api.Reply prioritised =
                bulk(acmeAdmin, Map.of("action", "set_priority", "priority", "high", "ticket_ids", ids));
        log.info("Bulk set_priority of {} tickets took {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
        assertThat(prioritised.status()).isEqualTo(200);
        assertThat(count("tickets where priority = 'HIGH' and id in (" + join(ids) + ")"))
                .isEqualTo(1000);

        List<Long> tooMany = new ArrayList<>(ids);
        tooMany.add(ids.getFirst() + 100_000);
        assertField(bulk(acmeAdmin, Map.of("action", "archive", "ticket_ids", tooMany)), 422, "ticket_ids");
    }

    @Test
    void allOrNothingAppliesNothingWhenOneTicketFailsAndBestEffortAppliesTheRest() {
        long a = ticket("A");
        long b = ticket("B");
        long missing = 999_999_999L;

        Api.Reply refused = bulk(acmeAdmin, Map.of("action", "trash", "ticket_ids", List.of(a, b, missing)));
        assertField(refused, 422, "ticket_ids[2]");
        assertThat(refused.text("type")).endsWith("/bulk-operation-refused");
        assertThat(api.get("/api/v1/tickets/" + a, acmeAdmin)
                        .body()
                        .get("trashed_at")
                        .isNull())
                .isTrue();

        Api.Reply partial =
                bulk(acmeAdmin, Map.of("action", "trash", "ticket_ids", List.of(a, missing, b), "atomic", false));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.body().get("succeeded").asInt()).isEqualTo(2);
        assertThat(partial.body().get("failed").asInt()).isEqualTo(1);
        assertThat(partial.body().get("results").get(1).get("result").asString())
                .isEqualTo("not_found");
        assertThat(api.get("/api/v1/tickets/" + a, acmeAdmin)
                        .body()
                        .get("trashed_at")
                        .isNull())
                .isFalse();

        long open = ticket("Not in the trash");
        Api.Reply deleted =
                bulk(acmeAdmin, Map.of("action", "delete", "ticket_ids", List.of(a, open, b), "atomic", false));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("results").get(1).get("type").asString()).isEqualTo("ticket-not-in-trash");
        assertThat(count("tickets where id in (" + a + ", " + b + ")")).isZero();
        assertThat(api.get("/api/v1/tickets/" + open, acmeAdmin).status()).isEqualTo(200);

        Api.Reply restored = api.send(
                HttpMethod.POST, "/api/v1/ticket/bulk/delete/", acmeAdmin, Map.of("ticket_ids", List.of(open)));
        assertThat(restored.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + open, acmeAdmin)
                        .body()
                        .get("trashed_at")
                        .isNull())
                .isFalse();
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/ticket/bulk/restore",
                                acmeAdmin,
                                Map.of("ticket_ids", List.of(open)))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + open, acmeAdmin)
                        .body()
                        .get("trashed_at")
                        .isNull())
                .isTrue();
    }

    @Test
    void bulkRequestsRespectRolesAndWorkspacesAndRejectBadInput() {
        long a = ticket("A");
        long b = ticket("B");
        String agent = acme.token(acme.addUser("agent"));

        Api.Reply byAgent = bulk(agent, Map.of("action", "delete", "ticket_ids", List.of(a)));
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.text("type")).endsWith("/admins-only");
        assertThat(bulk(acme.token(acme.addUser("customer")), Map.of("action", "archive", "ticket_ids", List.of(a)))
                        .status())
                .isEqualTo(403);

        Api.Reply foreign =
                bulk(globexAdmin, Map.of("action", "archive", "ticket_ids", List.of(a, b), "atomic", false));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body().get("results").values())
                .extracting(r -> r.get("result").asString())
                .containsExactly("not_found", "not_found");
        assertThat(api.get("/api/v1/tickets/" + a, acmeAdmin)
                        .body()
                        .get("archived")
                        .asBoolean())
                .isFalse();

        assertField(bulk(acmeAdmin, Map.of("action", "explode", "ticket_ids", List.of(a))), 422, "action");
        assertField(bulk(acmeAdmin, Map.of("ticket_ids", List.of(a))), 422, "action");
        assertField(bulk(acmeAdmin, Map.of("action", "archive")), 422, "ticket_ids");
        assertField(bulk(acmeAdmin, Map.of("action", "assign", "ticket_ids", List.of(a))), 422, "agent_id");
        assertField(
                bulk(acmeAdmin, Map.of("action", "assign", "agent_id", 999_999, "ticket_ids", List.of(a))),
                422,
                "agent_id");
        assertField(
                bulk(acmeAdmin, Map.of("action", "set_status", "status", "Nowhere", "ticket_ids", List.of(a))),
                422,
                "status");
        assertField(
                bulk(acmeAdmin, Map.of("action", "set_priority", "priority", "urgent", "ticket_ids", List.of(a))),
                422,
                "priority");
        assertThat(api.send(HttpMethod.POST, "/api/v1/tickets/bulk", acmeAdmin, "{")
                        .status())
                .isEqualTo(400);

        Api.Reply closed =
                bulk(acmeAdmin, Map.of("action", "set_status", "status", "Closed", "ticket_ids", List.of(a, b)));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + a, acmeAdmin)
                        .body()
                        .get("status")
                        .get("name")
                        .asString())
                .isEqualTo("Closed");
        long admin =
                jdbc.queryForObject("select min(id) from " + schema() + ".agents where role = 'admin'", Long.class);
        Api.Reply assigned =
                bulk(acmeAdmin, Map.of("action", "assign", "agent_id", admin, "ticket_ids", List.of(a, b)));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + b, acmeAdmin)
                        .body()
                        .get("assignee_id")
                        .asLong())
                .isEqualTo(admin);
    }

    private List<Long> thousandTickets() {
        long first = ticket("Seed");
        JsonNode seed = api.get("/api/v1/tickets/" + first, acmeAdmin).body();
        long requester = seed.get("requester").get("id").asLong();
        long status = seed.get("status").get("id").asLong();
        long base = jdbc.queryForObject(
                "update " + schema()
                        + ".ticket_number_counter set last_number = last_number + 1000 returning last_number",
                Long.class);
        return jdbc.queryForList(
                "insert into " + schema() + ".tickets (number, subject, channel, requester_id, status_id, priority)"
                        + " select ? - g, 'Bulk ' || g, 'API', ?, ?, 'LOW' from generate_series(0, 999) g returning id",
                Long.class,
                base,
                requester,
                status);
    }

    private Api.Reply bulk(String token, Map<String, Object> body) {
        return api.send(HttpMethod.POST, "/api/v1/tickets/bulk", token, body);
    }

    private Api.Reply merge(long target, List<Long> sources, String token) {
        return api.send(HttpMethod.POST, "/api/v1/tickets/" + target + "/merge", token, Map.of("source_ids", sources));
    }

    private long ticket(String subject) {
        return ticket(acmeAdmin, subject);
    }

    private long ticket(String token, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("requester", Map.of("name", "Rita", "email", "rita@customer.test"));
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private void message(long ticket, String text) {
        jdbc.update(
                "insert into " + schema()
                        + ".ticket_messages (ticket_id, visibility, author_name, body_html, body_text,"
                        + " channel) values (?, 'PUBLIC', 'Rita', ?, ?, 'EMAIL')",
                ticket,
                "<p>" + text + "</p>",
                text);
    }

    private List<String> actions(long ticket) {
        return api.get("/api/v1/tickets/" + ticket + "/activities", acmeAdmin).body().get("items").values().stream()
                .map(a -> a.get("action").asString())
                .toList();
    }

    private long count(String fromWhere) {
        return jdbc.queryForObject("select count(*) from " + schema() + "." + fromWhere, Long.class);
    }

    private static String schema() {
        return acme.slug().schemaName();
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
