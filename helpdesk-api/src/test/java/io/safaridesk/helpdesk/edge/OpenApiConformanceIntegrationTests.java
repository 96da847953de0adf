package io.safaridesk.helpdesk.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.OpenApiFuzzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Recorded traffic against the OpenAPI documents: a journey through both services (a sign-up's doors, tickets and
 * their conversation, tasks, departments, the knowledge base, settings, the audit log; answers that succeed and
 * refusals of every kind) is recorded on the wire, and every answer is checked against {@code /api/docs} of the
 * service that gave it: the operation exists, its status is declared, and its body matches the declared schema.
 */
class OpenApiConformanceIntegrationTests extends TwoWorkspaceApiTests {

    private final List<OpenApiConformance.Exchange> helpdesk = new ArrayList<>();
    private final List<OpenApiConformance.Exchange> provisioning = new ArrayList<>();

    @Test
    void everyRecordedAnswerOfBothServicesIsDeclaredInTheirDocuments() {
        helpdeskJourney();
        provisioningJourney();

        List<String> violations = new ArrayList<>();
        OpenApiConformance helpdeskDocument = new OpenApiConformance(OpenApiFuzzer.document(port, "/api/docs"));
        helpdesk.forEach(exchange -> violations.addAll(helpdeskDocument.violations(exchange)));
        OpenApiConformance provisioningDocument =
                new OpenApiConformance(OpenApiFuzzer.document(TestWorkspaces.provisioningPort(), "/api/docs"));
        provisioning.forEach(exchange -> violations.addAll(provisioningDocument.violations(exchange)));
        System.out.printf(
                "OpenAPI conformance: %d helpdesk-api and %d tenant-provisioning answers checked, %d statuses%n",
                helpdesk.size(),
                provisioning.size(),
                java.util.stream.Stream.concat(helpdesk.stream(), provisioning.stream())
                        .map(OpenApiConformance.Exchange::status)
                        .distinct()
                        .count());

        assertThat(violations).isEmpty();
    }

    private void helpdeskJourney() {
        String agent = acme.token(acme.addUser("agent"));
        String customer = acme.token(acme.addUser("customer"));
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        long department = call(
                        HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Conformance " + suffix))
                .body()
                .get("id")
                .asLong();
        call(HttpMethod.GET, "/api/v1/departments", acmeAdmin, null);
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("subject", "Conformance " + suffix);
        ticket.put("description", "<p>Recorded for the OpenAPI check</p>");
        ticket.put("priority", "high");
        ticket.put("department_id", department);
        ticket.put("requester", Map.of("email", "conformance-" + suffix + "@example.test", "name", "Cora"));
        long id = call(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, ticket)
                .body()
                .get("id")
                .asLong();
        call(HttpMethod.GET, "/api/v1/tickets", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/tickets?q=Conformance&limit=5", agent, null);
        call(HttpMethod.GET, "/api/v1/tickets/" + id, acmeAdmin, null);
        call(HttpMethod.POST, "/api/v1/tickets/" + id + "/replies", acmeAdmin, Map.of("body", "<p>On it</p>"));
        call(HttpMethod.GET, "/api/v1/tickets/" + id + "/messages", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/tickets/" + id + "/activities", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/ticket-statuses", acmeAdmin, null);
        call(HttpMethod.POST, "/api/v1/tasks", agent, Map.of("title", "Conformance task " + suffix));
        call(HttpMethod.GET, "/api/v1/tasks", agent, null);
        call(HttpMethod.GET, "/api/v1/contacts", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/kb/categories", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/kb/articles", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/settings", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/sla/policies", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/audit-log", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/webhooks", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/api-tokens", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/macros", agent, null);
        call(HttpMethod.GET, "/api/v1/me", agent, null);

        // refusals: not found, bad input, unreadable, no token, a lesser role, another workspace
        call(HttpMethod.GET, "/api/v1/tickets/987654321", acmeAdmin, null);
        call(HttpMethod.POST, "/api/v1/tickets", acmeAdmin, Map.of("priority", "high"));
        call(HttpMethod.POST, "/api/v1/tasks", agent, "{not json");
        call(HttpMethod.GET, "/api/v1/tickets?limit=abc", acmeAdmin, null);
        call(HttpMethod.GET, "/api/v1/tickets", null, null);
        call(HttpMethod.GET, "/api/v1/audit-log", agent, null);
        call(HttpMethod.GET, "/api/v1/tickets", customer, null);
        call(HttpMethod.GET, "/api/v1/tickets/" + id, globexAdmin, null);
        call(HttpMethod.DELETE, "/api/v1/tickets/" + id + "/watchers/-1", acmeAdmin, null);
    }

    private void provisioningJourney() {
        Api auth = Api.at(TestWorkspaces.provisioningPort());
        String slug = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("business_name", "Conformance " + slug);
        registration.put("slug", slug);
        registration.put("domain", slug + ".test");
        registration.put("admin_name", "Cora");
        registration.put("admin_email", "admin@" + slug + ".test");
        registration.put("admin_password", "Correct-Horse-9");
        Api.Reply registered = record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/register", registration);
        String token = registered.body().get("status_token").asString();
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/register", registration); // taken: 409
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/verify-otp", Map.of("slug", slug, "code", "000000"));
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/verify-otp", Map.of("slug", slug, "code", "x"));
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/resend-otp", Map.of("slug", slug));
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/resend-otp", Map.of("slug", slug)); // 429
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/verify-domain", Map.of("slug", slug));
        provisioning.add(exchange(
                HttpMethod.POST,
                "/api/v1/auth/verify-domain",
                auth.exchange(
                        HttpMethod.POST,
                        "/api/v1/auth/verify-domain",
                        null,
                        Map.of("slug", slug),
                        Map.of("X-Signup-Token", token))));
        provisioning.add(exchange(
                HttpMethod.GET,
                "/api/v1/auth/workspaces/" + slug,
                auth.exchange(
                        HttpMethod.GET,
                        "/api/v1/auth/workspaces/" + slug,
                        null,
                        null,
                        Map.of("X-Signup-Token", token))));
        record(provisioning, auth, HttpMethod.GET, "/api/v1/auth/workspaces/" + slug, null);
        record(
                provisioning,
                auth,
                HttpMethod.POST,
                "/api/v1/auth/login",
                Map.of("workspace", acme.slug().value(), "email", "nobody@acme.test", "password", "Wrong-Horse-1"));
        record(
                provisioning,
                auth,
                HttpMethod.POST,
                "/api/v1/auth/password-reset",
                Map.of("workspace", acme.slug().value(), "email", "nobody@acme.test"));
        record(provisioning, auth, HttpMethod.POST, "/api/v1/auth/login", Map.of("workspace", "x"));
        TestWorkspaces.operations().deprovision(io.safaridesk.platform.tenancy.TenantSlug.of(slug));
    }

    private Api.Reply call(HttpMethod method, String path, String token, Object body) {
        return record(helpdesk, api, method, path, body, token);
    }

    private static Api.Reply record(
            List<OpenApiConformance.Exchange> into, Api client, HttpMethod method, String path, Object body) {
        return record(into, client, method, path, body, null);
    }

    private static Api.Reply record(
            List<OpenApiConformance.Exchange> into,
            Api client,
            HttpMethod method,
            String path,
            Object body,
            String token) {
        Api.Reply reply = client.send(method, path, token, body);
        into.add(exchange(method, path, reply));
        return reply;
    }

    private static OpenApiConformance.Exchange exchange(HttpMethod method, String path, Api.Reply reply) {
        return new OpenApiConformance.Exchange(method.name(), path, reply.status(), reply.contentType(), reply.body());
    }
}
