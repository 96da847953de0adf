package io.safaridesk.helpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.Mailbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Agents managed by a workspace's admins against real Keycloak, PostgreSQL and mail: invitation, set-up, login,
 * departments, role changes, deactivation, and who may do what.
 */
class AgentAdministrationIntegrationTests extends TwoWorkspaceApiTests {

    @Test
    void anInvitedAgentGetsTheMailSetsUpLogsInAndIsAvailableInTheirDepartments() {
        long department = department("Support " + suffix());
        String email = "ann-" + suffix() + "@" + acme.slug() + ".test";

        Api.Reply invited = invite(email, "agent", List.of(department), List.of(department));

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.text("role")).isEqualTo("agent");
        assertThat(invited.body().get("active").asBoolean()).isTrue();
        assertThat(invited.body().get("departments").get(0).get("lead").asBoolean())
                .isTrue();
        long id = invited.body().get("id").asLong();
        UserRepresentation user = keycloakUser(email);
        assertThat(user.getRequiredActions()).contains("VERIFY_EMAIL", "UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat(Mailbox.awaitSubject(email, subject -> true)).isNotBlank();

        TestWorkspace.User agent = completeSetUp(email);
        String token = acme.token(agent);

        Api.Reply me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("roles").values())
                .extracting(JsonNode::asString)
                .contains("agent");
        Api.Reply members = api.get("/api/v1/department/members/" + department + "/", token);
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.body().get(0).get("email").asString()).isEqualTo(email);
        assertThat(members.body().get(0).get("lead").asBoolean()).isTrue();
        assertThat(members.body().get(0).get("available").asBoolean()).isTrue();
        Api.Reply listed = api.get("/api/v1/agent/list/?available=true&department=" + department, acmeAdmin);
        assertThat(emails(listed)).containsExactly(email);
        assertThat(emails(api.get("/api/v1/agent/list?search=ANN-", acmeAdmin))).contains(email);

        Api.Reply deactivated = status(id, false, acmeAdmin);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(deactivated.body().get("available").asBoolean()).isFalse();
        assertThatThrownBy(() -> acme.token(agent)).hasMessageContaining("disabled");
        assertThat(emails(api.get("/api/v1/agent/list?active=false", acmeAdmin)))
                .contains(email);
        assertThat(emails(api.get("/api/v1/agent/list?available=true&department=" + department, acmeAdmin)))
                .isEmpty();
        assertThat(api.get("/api/v1/agent/get/" + id, acmeAdmin).text("email")).isEqualTo(email);

        // the TOTP code of this 30 s window is spent: check the realm rather than logging in again
        assertThat(status(id, true, acmeAdmin).status()).isEqualTo(200);
        assertThat(keycloakUser(email).isEnabled()).isTrue();
    }

    @Test
    void aRoleChangeIsAppliedInKeycloakAndShowsInTheNextToken() {
        String email = "ben-" + suffix() + "@" + acme.slug() + ".test";
        long id = invite(email, "agent", List.of(), List.of()).body().get("id").asLong();
        TestWorkspace.User agent = completeSetUp(email);

        Api.Reply promoted = api.send(
                HttpMethod.PUT,
                "/api/v1/agent/update/" + id + "/",
                acmeAdmin,
                Map.of("name", "Ben Boss", "phone", "+254700000001", "role", "admin"));

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("admin");
        assertThat(promoted.text("name")).isEqualTo("Ben Boss");
        assertThat(keycloakUser(email).getFirstName()).isEqualTo("Ben");
        assertThat(api.get("/api/v1/me", acme.token(agent)).body().get("roles").values())
                .extracting(JsonNode::asString)
                .contains("admin")
                .doesNotContain("agent");
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivatedAndNobodyChangesTheirOwnRole() {
        TestWorkspace solo = TestWorkspaces.provision("solo");
        String first = solo.token(solo.admin());
        long firstId = api.get("/api/v1/agent/list", first)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/agent/update/" + firstId,
                                first,
                                Map.of("name", "Me", "role", "agent"))
                        .status())
                .isEqualTo(403);
        assertThat(status(firstId, false, first).status()).isEqualTo(403);

        String email = "second-" + suffix() + "@" + solo.slug() + ".test";
        long secondId = invite(solo, first, email, "admin").body().get("id").asLong();
        String second = solo.token(completeSetUp(solo, email));
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/agent/update/" + secondId,
                                first,
                                Map.of("name", "Second", "role", "agent"))
                        .status())
                .isEqualTo(200);

        // the second admin's token still says admin: the workspace's last admin is protected all the same
        Api.Reply demote = api.send(
                HttpMethod.PUT, "/api/v1/agent/update/" + firstId, second, Map.of("name", "First", "role", "agent"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(demote.text("type")).endsWith("/last-admin");
        assertThat(status(firstId, false, second).status()).isEqualTo(409);
        UserRepresentation firstUser =
                realm(solo).users().searchByEmail(solo.adminEmail(), true).getFirst();
        assertThat(firstUser.isEnabled()).isTrue();
        assertThat(realm(solo)
                        .users()
                        .get(firstUser.getId())
                        .roles()
                        .realmLevel()
                        .listAll())
                .extracting(RoleRepresentation::getName)
                .contains("admin");
    }

    @Test
    void anAgentGetsProblem403FromEveryAgentAdminEndpoint() {
        String agent = acme.token(acme.addUser("agent"));

        List<Api.Reply> replies = List.of(
                api.get("/api/v1/agent/list/", agent),
                api.get("/api/v1/agent/get/1", agent),
                api.send(
                        HttpMethod.POST,
                        "/api/v1/agent/create/",
                        agent,
                        inviteBody("x@acme.test", "agent", List.of(), List.of())),
                api.send(HttpMethod.PUT, "/api/v1/agent/update/1", agent, Map.of("name", "X", "role", "admin")),
                api.send(HttpMethod.PUT, "/api/v1/agent/status/1", agent, Map.of("active", false)),
                api.send(HttpMethod.POST, "/api/v1/department/create/", agent, Map.of("name", "Agents Own")),
                api.send(HttpMethod.DELETE, "/api/v1/department/delete/1/", agent, null));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(api.get("/api/v1/department/list/", agent).status()).isEqualTo(200);
    }

    @Test
    void anotherWorkspacesAdminCanNeitherReadNorChangeThisWorkspacesAgents() {
        String email = "cid-" + suffix() + "@" + acme.slug() + ".test";
        long id = invite(email, "agent", List.of(), List.of()).body().get("id").asLong();

        Api.Reply read = api.get("/api/v1/agent/get/" + id, globexAdmin);
        assertThat(read.status() == 404 || !email.equals(read.text("email"))).isTrue();
        assertThat(emails(api.get("/api/v1/agent/list?limit=100", globexAdmin))).doesNotContain(email);
        api.send(
                HttpMethod.PUT, "/api/v1/agent/update/" + id, globexAdmin, Map.of("name", "Hijacked", "role", "admin"));
        api.send(HttpMethod.PUT, "/api/v1/agent/status/" + id, globexAdmin, Map.of("active", false));

        Api.Reply unchanged = api.get("/api/v1/agent/get/" + id, acmeAdmin);
        assertThat(unchanged.text("name")).isEqualTo("Agent " + email);
        assertThat(unchanged.text("role")).isEqualTo("agent");
        assertThat(unchanged.body().get("active").asBoolean()).isTrue();
        assertThat(keycloakUser(email).isEnabled()).isTrue();
    }

    @Test
    void anonymousCallersGetProblem401() {
        Api.Reply anonymous = api.get("/api/v1/agent/list/", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.send(HttpMethod.POST, "/api/v1/agent/create", null, Map.of())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void badInputGetsProblemDetailsNamingTheFieldAndCreatesNothing() {
        String email = "dup-" + suffix() + "@" + acme.slug() + ".test";
        assertThat(invite(email, "agent", List.of(), List.of()).status()).isEqualTo(201);

        assertField(invite(email.toUpperCase(), "agent", List.of(), List.of()), 409, "email");
        assertField(invite(acme.adminEmail(), "agent", List.of(), List.of()), 409, "email");
        String unknownDepartment = "dep-" + suffix() + "@" + acme.slug() + ".test";
        assertField(invite(unknownDepartment, "agent", List.of(987654L), List.of()), 422, "departments");
        String badRole = "role-" + suffix() + "@" + acme.slug() + ".test";
        assertField(invite(badRole, "owner", List.of(), List.of()), 422, "role");
        Map<String, Object> blank = inviteBody("blank-" + suffix() + "@acme.test", "agent", List.of(), List.of());
        blank.put("name", " ");
        assertField(api.send(HttpMethod.POST, "/api/v1/agent/create/", acmeAdmin, blank), 400, "name");
        Map<String, Object> badEmail = inviteBody("not-an-email", "agent", List.of(), List.of());
        assertField(api.send(HttpMethod.POST, "/api/v1/agent/create/", acmeAdmin, badEmail), 400, "email");

        assertThat(acme.keycloak().realm(acme.slug().realmName()).users().searchByEmail(unknownDepartment, true))
                .isEmpty();
        assertThat(acme.keycloak().realm(acme.slug().realmName()).users().searchByEmail(badRole, true))
                .isEmpty();
        assertThat(api.get("/api/v1/agent/get/999999", acmeAdmin).status()).isEqualTo(404);
    }

    @Test
    void departmentSeedEndpointsManageDepartmentsAndDeletingOneKeepsItsAgents() {
        Api.Reply created = api.send(
                HttpMethod.POST, "/api/v1/department/create/", acmeAdmin, Map.of("name", "Billing " + suffix()));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        String email = "dee-" + suffix() + "@" + acme.slug() + ".test";
        long agent =
                invite(email, "agent", List.of(id), List.of()).body().get("id").asLong();

        Api.Reply renamed = api.send(
                HttpMethod.PUT,
                "/api/v1/department/update/" + id + "/",
                acmeAdmin,
                Map.of("name", "Billing Renamed " + id));
        assertThat(renamed.status()).isEqualTo(200);
        Api.Reply inactive =
                api.send(HttpMethod.PUT, "/api/v1/department/status/" + id + "/", acmeAdmin, Map.of("active", false));
        assertThat(inactive.body().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/department/get/" + id + "/", acmeAdmin).text("name"))
                .isEqualTo("Billing Renamed " + id);
        assertThat(api.get("/api/v1/department/list/?limit=100", acmeAdmin)
                        .body()
                        .get("items")
                        .values())
                .extracting(item -> item.get("id").asLong())
                .contains(id);
        assertThat(api.get("/api/v1/department/members/" + id, acmeAdmin)
                        .body()
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(agent);

        assertThat(api.send(HttpMethod.DELETE, "/api/v1/department/delete/" + id + "/", acmeAdmin, null)
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/department/get/" + id, acmeAdmin).status()).isEqualTo(404);
        Api.Reply kept = api.get("/api/v1/agent/get/" + agent, acmeAdmin);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("departments").values()).isEmpty();
    }

    private long department(String name) {
        return api.send(HttpMethod.POST, "/api/v1/department/create", acmeAdmin, Map.of("name", name))
                .body()
                .get("id")
                .asLong();
    }

    private Api.Reply invite(String email, String role, List<Long> departments, List<Long> leads) {
        return api.send(
                HttpMethod.POST, "/api/v1/agent/create/", acmeAdmin, inviteBody(email, role, departments, leads));
    }

    private Api.Reply invite(TestWorkspace workspace, String adminToken, String email, String role) {
        return api.send(
                HttpMethod.POST, "/api/v1/agent/create", adminToken, inviteBody(email, role, List.of(), List.of()));
    }

    private Api.Reply status(long id, boolean active, String token) {
        return api.send(HttpMethod.PUT, "/api/v1/agent/status/" + id, token, Map.of("active", active));
    }

    private static Map<String, Object> inviteBody(String email, String role, List<Long> departments, List<Long> leads) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Agent " + email);
        body.put("email", email);
        body.put("phone", "+254700000000");
        body.put("departments", departments);
        body.put("leads", leads);
        body.put("role", role);
        return body;
    }

    private static void assertField(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").values())
                .extracting(error -> error.get("field").asString())
                .contains(field);
    }

    private static List<String> emails(Api.Reply page) {
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("items").values().stream()
                .map(item -> item.get("email").asString())
                .toList();
    }

    private static UserRepresentation keycloakUser(String email) {
        return realm(acme).users().searchByEmail(email, true).getFirst();
    }

    private static RealmResource realm(TestWorkspace workspace) {
        return workspace.keycloak().realm(workspace.slug().realmName());
    }

    private static TestWorkspace.User completeSetUp(String email) {
        return completeSetUp(acme, email);
    }

    /** What the invited user does through Keycloak's pages: verify the email, set a password, configure OTP. */
    private static TestWorkspace.User completeSetUp(TestWorkspace workspace, String email) {
        RealmResource realm = realm(workspace);
        UserResource user = realm.users()
                .get(realm.users().searchByEmail(email, true).getFirst().getId());
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(TestWorkspaces.PASSWORD);
        password.setTemporary(false);
        user.resetPassword(password);
        String secret = "otp-" + UUID.randomUUID();
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setSecretData("{\"value\":\"" + secret + "\"}");
        otp.setCredentialData(
                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        UserRepresentation representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        representation.setEmailVerified(true);
        representation.setCredentials(List.of(otp));
        user.update(representation);
        return new TestWorkspace.User(email, TestWorkspaces.PASSWORD, secret);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
