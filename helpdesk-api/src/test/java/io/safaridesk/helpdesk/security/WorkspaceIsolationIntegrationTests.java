package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.department.Departments;
import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Two real workspaces side by side: what one creates the other can neither see nor change, whatever the request
 * claims besides its token.
 */
class WorkspaceIsolationIntegrationTests extends TwoWorkspaceApiTests {

    @Autowired
    Departments departments;

    @Test
    void meNamesTheWorkspaceOfTheTokenAndTheCallersRoles() {
        Api.Reply me = api.get("/api/v1/me", acmeAdmin);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("workspace")).isEqualTo(acme.slug().value());
        assertThat(me.text("email")).isEqualTo(acme.adminEmail());
        assertThat(me.body().get("roles").values())
                .extracting(JsonNode::asString)
                .contains("admin");
        assertThat(api.get("/api/v1/me/", acmeAdmin).status())
                .as("trailing slash")
                .isEqualTo(200);
    }

    @Test
    void aDepartmentOfOneWorkspaceIsInvisibleAndUnchangeableFromTheOther() {
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Acme Billing"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        assertThat(names(api.get("/api/v1/departments?limit=100", globexAdmin))).doesNotContain("Acme Billing");
        Api.Reply fromGlobex = api.get("/api/v1/departments/" + id, globexAdmin);
        assertThat(fromGlobex.status() == 404 || !"Acme Billing".equals(fromGlobex.text("name")))
                .isTrue();
        api.send(HttpMethod.PUT, "/api/v1/departments/" + id, globexAdmin, Map.of("name", "Hijacked"));
        api.send(HttpMethod.DELETE, "/api/v1/departments/" + id, globexAdmin, null);

        Api.Reply stillThere = api.get("/api/v1/departments/" + id, acmeAdmin);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.text("name")).isEqualTo("Acme Billing");
    }

    @Test
    void nothingButTheTokenChoosesTheWorkspace() {
        api.send(HttpMethod.POST, "/api/v1/departments", globexAdmin, Map.of("name", "Globex Secrets"));

        Api.Reply disguised = api.exchange(
                HttpMethod.GET,
                "/api/v1/departments?limit=100",
                acmeAdmin,
                null,
                Map.of(
                        "Host",
                        globex.slug() + ".safaridesk.test",
                        "X-Workspace",
                        globex.slug().value(),
                        "X-Tenant-Id",
                        globex.slug().value(),
                        "X-Forwarded-Host",
                        globex.slug() + ".safaridesk.test"));

        assertThat(disguised.status()).isEqualTo(200);
        assertThat(names(disguised)).doesNotContain("Globex Secrets");
        assertThat(api.get("/api/v1/me?workspace=" + globex.slug(), acmeAdmin).text("workspace"))
                .isEqualTo(acme.slug().value());
    }

    @Test
    void anonymousCallersAndUnknownIssuersGetProblem401() {
        Api.Reply anonymous = api.get("/api/v1/departments", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        String forged = ForgedTokens.signedByAStranger("http://127.0.0.1:1/realms/" + acme.slug());
        long started = System.nanoTime();
        Api.Reply unknownIssuer = api.get("/api/v1/me", forged);
        assertThat(unknownIssuer.status()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        String sameIssuerWrongKey = ForgedTokens.signedByAStranger(acme.issuer());
        assertThat(api.get("/api/v1/me", sameIssuerWrongKey).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void agentsReadDepartmentsButOnlyAdminsWriteAndCustomersNeither() {
        String agent = acme.token(acme.addUser("agent"));
        String customer = acme.token(acme.addUser("customer"));

        assertThat(api.get("/api/v1/departments", agent).status()).isEqualTo(200);
        Api.Reply agentWrites = api.send(HttpMethod.POST, "/api/v1/departments", agent, Map.of("name", "Agents Own"));
        assertThat(agentWrites.status()).isEqualTo(403);
        assertThat(agentWrites.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get("/api/v1/departments", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", customer).status()).isEqualTo(200);
    }

    @Test
    void badInputGetsProblemDetailsNamingTheField() {
        Api.Reply blank = api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Api.Reply badEmail = api.send(
                HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "X", "support_email", "nope"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().get("errors").get(0).get("field").asString()).isEqualTo("support_email");

        assertThat(api.get("/api/v1/departments?limit=500", acmeAdmin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/departments?cursor=bogus", acmeAdmin).status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/departments/abc", acmeAdmin).status()).isEqualTo(400);
        Api.Reply broken = api.exchange(HttpMethod.POST, "/api/v1/departments", acmeAdmin, "{not json", Map.of());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Twice"));
        assertThat(api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "twice"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aStaleVersionIsAConflictNotALostUpdate() {
        long id = api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", "Versioned"))
                .body()
                .get("id")
                .asLong();

        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/departments/" + id,
                                acmeAdmin,
                                Map.of("name", "Versioned 2", "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/departments/" + id,
                                acmeAdmin,
                                Map.of("name", "Versioned 3", "version", 0))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void tenantDataOutsideAnyWorkspaceIsAnErrorNotTheSharedSchema() {
        assertThat(TenantContext.find()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> departments.list(0, 10))
                .hasRootCauseInstanceOf(TenantContext.NoTenantInContext.class);
    }

    @Test
    void aSuspendedWorkspaceIsRefusedWith403() {
        TestWorkspace initech = TestWorkspaces.provision("initech");
        String token = initech.token(initech.admin());
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        TestWorkspaces.operations().suspend(initech.slug());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Reply refused = api.get("/api/v1/me", token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
    }

    private static List<String> names(Api.Reply page) {
        return page.body().get("items").values().stream()
                .map(item -> item.get("name").asString())
                .toList();
    }
}
