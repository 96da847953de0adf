package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.export.ExportLinks;
import io.safaridesk.domain.export.ExportRuns;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.tenancy.TenantContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export endpoints over HTTP with real Keycloak tokens of two workspaces: 202 with a Location, bad input named,
 * exports visible to their requester (and admins) only, and a download that needs both a valid signed link and the
 * right user of the right workspace. The worker's part (writing the file) is played here by the same
 * {@link ExportRuns} facade the worker calls, so that exports become ready.
 */
class TicketExportApiIntegrationTests extends TwoWorkspaceApiTests {

    private static final String EXPORTS = "/api/v1/tickets/exports";

    static String agent;
    static String otherAgent;
    static String customer;

    @Autowired
    ExportRuns runs;

    @Autowired
    ExportLinks links;

    @BeforeAll
    static void users() {
        agent = acme.token(acme.addUser("agent"));
        otherAgent = acme.token(acme.addUser("agent"));
        customer = acme.token(acme.addUser("customer"));
    }

    private long ticket(String token, String subject) {
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/tickets",
                token,
                Map.of(
                        "subject",
                        subject,
                        "description",
                        "<p>" + subject + "</p>",
                        "requester",
                        Map.of("name", "Requester", "email", "req-export@customer.test")));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** Writes the export as the worker would (rows as plain lines here: the formats are the worker's tests'). */
    private JsonNode ready(long id) {
        TenantContext.runAs(acme.slug(), () -> {
            ExportRuns.Run run = runs.start(id).orElseThrow();
            List<String> lines = new ArrayList<>();
            long rows = runs.rows(run, cells -> lines.add(String.join(",", cells)));
            try {
                Path file = Files.createTempFile("export-test-", ".csv");
                Files.write(file, lines);
                runs.finish(run, rows, runs.store(run, file));
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return api.get(EXPORTS + "/" + id, agent).body();
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static JsonNode problem(Api.Download download) {
        return JsonMapper.shared().readTree(download.content());
    }

    @Test
    void anExportByFiltersIsAcceptedWithItsLocationAndFollowsToItsFile() throws Exception {
        ticket(agent, "Exported printer ticket");
        HttpResponse<String> accepted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + EXPORTS + "?q=printer&priority=medium&format=csv"))
                                .header("Authorization", "Bearer " + agent)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode queued = JsonMapper.shared().readTree(accepted.body());
        long id = queued.get("id").asLong();
        assertThat(accepted.headers().firstValue("Location")).contains(EXPORTS + "/" + id);
        assertThat(queued.get("state").asString()).isEqualTo("QUEUED");
        assertThat(queued.get("format").asString()).isEqualTo("csv");
        assertThat(queued.get("download_url").isNull()).isTrue();

        JsonNode ready = ready(id);
        assertThat(ready.get("state").asString()).isEqualTo("READY");
        assertThat(ready.get("row_count").asLong()).isOne();
        Api.Download file = api.download(pathOf(ready.get("download_url").asString()), agent);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).contains("Exported printer ticket");

        JsonNode mine = api.get(EXPORTS + "?limit=100", agent).body().get("items");
        assertThat(mine.findValuesAsString("state")).isNotEmpty();
        assertThat(mine.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(api.get(EXPORTS + "?limit=100", otherAgent)
                        .body()
                        .get("items")
                        .findValues("id"))
                .as("another agent's list")
                .noneMatch(value -> value.asLong() == id);
    }

    @Test
    void theSeedsExportOfSelectedTicketsIsAccepted() {
        long ticket = ticket(agent, "Selected for export");

        Api.Reply accepted =
                api.send(HttpMethod.POST, "/api/v1/ticket/export/", agent, Map.of("ticket_ids", List.of(ticket)));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("format").asString())
                .as("the seed's format")
                .isEqualTo("xlsx");
        assertThat(accepted.body().get("state").asString()).isEqualTo("QUEUED");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Map<String, Api.Reply> replies = Map.of(
                "format",
                api.send(HttpMethod.POST, EXPORTS + "?format=pdf", agent, null),
                "status",
                api.send(HttpMethod.POST, EXPORTS + "?status=Nope", agent, null),
                "created_from",
                api.send(HttpMethod.POST, EXPORTS + "?created_from=yesterday", agent, null),
                "ticket_ids",
                api.send(HttpMethod.POST, "/api/v1/ticket/export/", agent, Map.of("ticket_ids", List.of())),
                "ticket_ids[0]",
                api.send(
                        HttpMethod.POST,
                        "/api/v1/ticket/export/",
                        agent,
                        Map.of("ticket_ids", List.of(987_654_321L), "format", "csv")),
                "limit",
                api.get(EXPORTS + "?limit=0", agent));
        replies.forEach((field, reply) -> {
            assertThat(reply.status()).as(field).isBetween(400, 422);
            assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(field)
                    .isTrue();
            assertThat(reply.body().get("errors").findValuesAsString("field"))
                    .as(field)
                    .contains(field);
        });
        assertThat(api.send(HttpMethod.POST, "/api/v1/ticket/export/", agent, "{not json")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheRequesterOrAnAdminOfTheWorkspaceReadsOrDownloadsAnExport() {
        ticket(agent, "Private export");
        long id = api.send(HttpMethod.POST, EXPORTS + "?format=csv", agent, null)
                .body()
                .get("id")
                .asLong();
        String link = pathOf(ready(id).get("download_url").asString());

        assertThat(api.get(EXPORTS + "/" + id, acmeAdmin).status()).isEqualTo(200);
        assertThat(api.download(link, acmeAdmin).status())
                .as("an admin of the workspace")
                .isEqualTo(200);
        assertThat(api.get(EXPORTS + "/" + id, otherAgent).status()).isEqualTo(404);
        assertThat(api.download(link, otherAgent).status())
                .as("another agent, even with the link")
                .isEqualTo(404);
        assertThat(api.get(EXPORTS + "/" + id, globexAdmin).status()).isEqualTo(404);
        assertThat(api.download(link, globexAdmin).status())
                .as("another workspace's admin: the link is not signed for their workspace")
                .isEqualTo(403);
        assertThat(api.get(EXPORTS + "/" + id, null).status()).isEqualTo(401);
        assertThat(api.download(link, null).status()).isEqualTo(401);
        assertThat(api.get(EXPORTS + "/" + id, customer).status()).isEqualTo(403);
        assertThat(api.download(link, customer).status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, EXPORTS, customer, null).status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, "/api/v1/ticket/export/", customer, Map.of("ticket_ids", List.of(1)))
                        .status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, EXPORTS, null, null).status()).isEqualTo(401);
    }

    @Test
    void aTamperedOrExpiredLinkIsRefused() {
        ticket(agent, "Linked export");
        long id = api.send(HttpMethod.POST, EXPORTS + "?format=csv", agent, null)
                .body()
                .get("id")
                .asLong();
        String link = pathOf(ready(id).get("download_url").asString());
        assertThat(api.download(link, agent).status()).isEqualTo(200);

        String signature = link.substring(link.indexOf("signature=") + "signature=".length());
        long expires = Long.parseLong(link.substring(link.indexOf("expires=") + 8, link.indexOf('&')));
        String base = EXPORTS + "/" + id + "/file";
        Api.Download otherSignature = api.download(
                base + "?expires=" + expires + "&signature=" + (signature.charAt(0) == 'A' ? "B" : "A")
                        + signature.substring(1),
                agent);
        Api.Download longerLife =
                api.download(base + "?expires=" + (expires + 3600) + "&signature=" + signature, agent);
        Api.Download otherExport =
                api.download(EXPORTS + "/" + (id + 1) + "/file?expires=" + expires + "&signature=" + signature, agent);
        for (Api.Download refused : List.of(otherSignature, longerLife, otherExport)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(problem(refused).get("type").asString()).endsWith("download-link-invalid");
        }
        Instant past = Instant.now().minusSeconds(60);
        Api.Download expired = api.download(links.path(acme.slug(), id, past), agent);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(problem(expired).get("type").asString()).endsWith("download-link-expired");
        assertThat(api.download(base + "?expires=" + expires, agent).status())
                .as("no signature")
                .isEqualTo(400);
    }
}
