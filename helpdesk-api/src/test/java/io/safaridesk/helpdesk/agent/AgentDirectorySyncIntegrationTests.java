package io.safaridesk.helpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Users changed directly in the Keycloak admin console show in the workspace's agents, by reconciliation and on the
 * user's next request, against real Keycloak and PostgreSQL.
 */
class AgentDirectorySyncIntegrationTests extends TwoWorkspaceApiTests {

    @Autowired
    AgentDirectorySync sync;

    @Test
    void aUserMadeInKeycloakAppearsAfterReconcileAndFollowsRenameAndDisable() {
        TestWorkspace.User user = acme.addUser("agent");
        assertThat(find(acmeAdmin, user.username())).isNull();

        sync.reconcile(acme.slug());

        JsonNode listed = find(acmeAdmin, user.username());
        assertThat(listed).isNotNull();
        assertThat(listed.get("name").asString()).isEqualTo("agent Tester");
        assertThat(listed.get("role").asString()).isEqualTo("agent");
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("deleted").asBoolean()).isFalse();

        UserResource resource = keycloakUser(acme, user.username());
        UserRepresentation changed = resource.toRepresentation();
        changed.setFirstName("Renamed");
        changed.setEnabled(false);
        resource.update(changed);
        sync.reconcile(acme.slug());

        JsonNode after = agent(acmeAdmin, listed.get("id").asLong());
        assertThat(after.get("name").asString()).isEqualTo("Renamed Tester");
        assertThat(after.get("active").asBoolean()).isFalse();
    }

    @Test
    void aUserDeletedInKeycloakIsMarkedDeletedAndKeepsItsName() {
        TestWorkspace.User user = acme.addUser("agent");
        sync.reconcile(acme.slug());
        long id = find(acmeAdmin, user.username()).get("id").asLong();

        String userId = keycloakUser(acme, user.username()).toRepresentation().getId();
        try (Response ignored = realm(acme).users().delete(userId)) {
            // gone
        }
        AgentDirectorySync.Outcome outcome = sync.reconcile(acme.slug());

        assertThat(outcome.deleted()).isGreaterThanOrEqualTo(1);
        JsonNode deleted = agent(acmeAdmin, id);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("deleted_at").isNull()).isFalse();
        assertThat(deleted.get("name").asString()).isEqualTo("agent Tester");
        assertThat(deleted.get("active").asBoolean()).isFalse();
        Api.Reply reactivate =
                api.send(HttpMethod.PUT, "/api/v1/agent/status/" + id, acmeAdmin, Map.of("active", true));
        assertThat(reactivate.status()).isEqualTo(409);
        assertThat(reactivate.text("type")).endsWith("/agent-deleted");
    }

    @Test
    void aUserWhoseAgentRoleIsRemovedInKeycloakBecomesInactive() {
        TestWorkspace.User user = acme.addUser("agent");
        sync.reconcile(acme.slug());
        long id = find(acmeAdmin, user.username()).get("id").asLong();

        keycloakUser(acme, user.username())
                .roles()
                .realmLevel()
                .remove(List.of(realm(acme).roles().get("agent").toRepresentation()));
        sync.reconcile(acme.slug());

        JsonNode after = agent(acmeAdmin, id);
        assertThat(after.get("active").asBoolean()).isFalse();
        assertThat(after.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void anAgentsFirstApiCallCreatesTheirProfileWithoutReconcile() {
        TestWorkspace.User user = acme.addUser("agent");
        String token = acme.token(user);

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        JsonNode listed = find(acmeAdmin, user.username());
        assertThat(listed).isNotNull();
        assertThat(listed.get("name").asString()).isEqualTo("agent Tester");
        assertThat(listed.get("role").asString()).isEqualTo("agent");
        assertThat(listed.get("active").asBoolean()).isTrue();
    }

    @Test
    void reconcilingOneWorkspaceNeverTouchesAnothersAgents() {
        TestWorkspace.User inGlobex = globex.addUser("agent");
        sync.reconcile(globex.slug());
        long globexId = find(globexAdmin, inGlobex.username()).get("id").asLong();
        TestWorkspace.User inAcme = acme.addUser("agent");
        String userId =
                keycloakUser(globex, inGlobex.username()).toRepresentation().getId();
        try (Response ignored = realm(globex).users().delete(userId)) {
            // gone from globex, which is not reconciled
        }

        sync.reconcile(acme.slug());

        assertThat(find(acmeAdmin, inAcme.username())).isNotNull();
        assertThat(find(globexAdmin, inAcme.username())).isNull();
        assertThat(find(acmeAdmin, inGlobex.username())).isNull();
        JsonNode untouched = agent(globexAdmin, globexId);
        assertThat(untouched.get("deleted").asBoolean()).isFalse();
        assertThat(untouched.get("active").asBoolean()).isTrue();
    }

    @Test
    void theScheduledReconciliationReachesEveryActiveWorkspace() {
        TestWorkspace.User inAcme = acme.addUser("agent");
        TestWorkspace.User inGlobex = globex.addUser("admin");

        sync.reconcileAll();

        assertThat(find(acmeAdmin, inAcme.username())).isNotNull();
        JsonNode admin = find(globexAdmin, inGlobex.username());
        assertThat(admin).isNotNull();
        assertThat(admin.get("role").asString()).isEqualTo("admin");
    }

    private JsonNode find(String adminToken, String email) {
        Api.Reply page = api.get("/api/v1/agent/list/?limit=100&search=" + email, adminToken);
        assertThat(page.status()).isEqualTo(200);
        for (JsonNode item : page.body().get("items").values()) {
            if (item.get("email").asString().equalsIgnoreCase(email)) {
                return item;
            }
        }
        return null;
    }

    private JsonNode agent(String adminToken, long id) {
        Api.Reply reply = api.get("/api/v1/agent/get/" + id, adminToken);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static RealmResource realm(TestWorkspace workspace) {
        return workspace.keycloak().realm(workspace.slug().realmName());
    }

    private static UserResource keycloakUser(TestWorkspace workspace, String username) {
        String id = realm(workspace)
                .users()
                .searchByUsername(username, true)
                .getFirst()
                .getId();
        return realm(workspace).users().get(id);
    }
}
