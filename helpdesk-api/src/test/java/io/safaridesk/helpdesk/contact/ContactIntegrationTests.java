package io.safaridesk.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.Mailbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Contacts on real workspaces: CRUD and search, portal invitations through Keycloak, roles and isolation. */
class ContactIntegrationTests extends TwoWorkspaceApiTests {

    static String acmeAgent;

    @BeforeAll
    static void anAgent() {
        acmeAgent = acme.token(acme.addUser("agent"));
    }

    @Test
    void agentsCreateFindUpdateAndDeleteContacts() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created =
                create(acmeAgent, "Wanjiru " + unique, "Wanjiru." + unique + "@Example.test", "Safari Ltd", "vip");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.text("email")).as("stored in lower case").isEqualTo("wanjiru." + unique + "@example.test");
        create(acmeAgent, "Otieno " + unique, "otieno." + unique + "@example.test", "Other Co", "trial");

        assertThat(names(api.get("/api/v1/contacts?q=" + unique + "&limit=100", acmeAgent)))
                .containsExactly("Wanjiru " + unique, "Otieno " + unique);
        assertThat(names(api.get("/api/v1/contacts?q=SAFARI&limit=100", acmeAgent)))
                .contains("Wanjiru " + unique)
                .doesNotContain("Otieno " + unique);
        assertThat(names(api.get("/api/v1/contacts?q=" + unique + "&tag=trial", acmeAgent)))
                .containsExactly("Otieno " + unique);

        Api.Reply firstPage = api.get("/api/v1/contacts?q=" + unique + "&limit=1", acmeAgent);
        assertThat(names(firstPage)).containsExactly("Wanjiru " + unique);
        Api.Reply secondPage =
                api.get("/api/v1/contacts?q=" + unique + "&limit=1&cursor=" + firstPage.text("next_cursor"), acmeAgent);
        assertThat(names(secondPage)).containsExactly("Otieno " + unique);

        Api.Reply updated = api.send(
                HttpMethod.PUT,
                "/api/v1/contacts/" + id,
                acmeAdmin,
                Map.of("name", "Wanjiru K " + unique, "email", "wanjiru." + unique + "@example.test", "version", 0));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/contacts/" + id, acmeAgent).text("name")).isEqualTo("Wanjiru K " + unique);

        assertThat(api.send(HttpMethod.DELETE, "/api/v1/contacts/" + id, acmeAgent, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/contacts/" + id, acmeAgent).status()).isEqualTo(404);
    }

    @Test
    void aSecondContactWithTheSameEmailInAnyCaseIsAConflictNamingTheEmailField() {
        String email = "dup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertThat(create(acmeAdmin, "First", email, null, null).status()).isEqualTo(201);

        Api.Reply duplicate = create(acmeAdmin, "Second", email.toUpperCase(), null, null);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(duplicate)).isEqualTo("email");
    }

    @Test
    void aContactsMailLanguageAndStatusMailChoiceAreKeptAndABadLanguageIsRefusedNamingIt() {
        String email = "lang-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/contacts",
                acmeAgent,
                Map.of("name", "Greta", "email", email, "language", "de-at", "email_updates", false));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("language")).isEqualTo("de-AT");
        assertThat(created.body().get("email_updates").asBoolean()).isFalse();
        Api.Reply defaults = create(acmeAgent, "Plain", "plain-" + email, null, null);
        assertThat(defaults.text("language")).isNull();
        assertThat(defaults.body().get("email_updates").asBoolean()).isTrue();

        Api.Reply bad = api.send(
                HttpMethod.PUT,
                "/api/v1/contacts/" + created.body().get("id").asLong(),
                acmeAgent,
                Map.of("name", "Greta", "email", email, "language", "not a language!"));

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(bad)).isEqualTo("language");
    }

    @Test
    void aMalformedEmailIsRefusedNamingTheEmailField() {
        Api.Reply bad = create(acmeAdmin, "Nobody", "not-an-email", null, null);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(bad)).isEqualTo("email");
    }

    @Test
    void anInvitedContactGetsKeycloaksMailAndACustomerUserLinkedToIt() {
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        long id =
                create(acmeAgent, "Invitee", email, null, null).body().get("id").asLong();

        Api.Reply invited = api.send(HttpMethod.POST, "/api/v1/contacts/" + id + "/invite", acmeAgent, null);

        assertThat(invited.status()).isEqualTo(200);
        String userId = invited.text("user_id");
        assertThat(userId).isNotBlank();
        assertThat(Mailbox.awaitSubject(email, subject -> true)).isNotBlank();
        var realm = acme.keycloak().realm(acme.slug().realmName());
        UserRepresentation user = realm.users().get(userId).toRepresentation();
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getRequiredActions()).contains("VERIFY_EMAIL", "UPDATE_PASSWORD");
        assertThat(realm.users().get(userId).roles().realmLevel().listEffective())
                .extracting(RoleRepresentation::getName)
                .contains("customer")
                .doesNotContain("agent", "admin");

        Api.Reply again = api.send(HttpMethod.POST, "/api/v1/contacts/" + id + "/invite", acmeAgent, null);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void invitingAContactWhoseEmailAlreadyHasAUserIsAConflictNamingTheEmailField() {
        TestWorkspace.User existing = acme.addUser("customer");
        long id = create(acmeAdmin, "Existing", existing.username(), null, null)
                .body()
                .get("id")
                .asLong();

        Api.Reply refused = api.send(HttpMethod.POST, "/api/v1/contacts/" + id + "/invite", acmeAdmin, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(field(refused)).isEqualTo("email");
        assertThat(api.get("/api/v1/contacts/" + id, acmeAdmin).text("user_id")).isNull();
    }

    @Test
    void aContactWithTicketsCannotBeDeletedAndStays() {
        String email = "requester-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        long id = create(acmeAgent, "Has Tickets", email, null, null)
                .body()
                .get("id")
                .asLong();
        Api.Reply ticket = api.send(
                HttpMethod.POST,
                "/api/v1/tickets",
                acmeAgent,
                Map.of("subject", "Keeps its requester", "requester", Map.of("contact_id", id)));
        assertThat(ticket.status()).isEqualTo(201);

        Api.Reply refused = api.send(HttpMethod.DELETE, "/api/v1/contacts/" + id, acmeAdmin, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.text("type")).endsWith("/contact-has-tickets");
        assertThat(api.get("/api/v1/contacts/" + id, acmeAgent).status()).isEqualTo(200);
    }

    @Test
    void customersCannotReachContactsAndAnonymousCallersAreUnauthenticated() {
        String customer = acme.token(acme.addUser("customer"));

        Api.Reply forbidden = api.get("/api/v1/contacts", customer);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(create(customer, "Sneaky", "sneaky@example.test", null, null).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/contacts", null).status()).isEqualTo(401);
    }

    @Test
    void contactsOfOneWorkspaceAreInvisibleAndUnchangeableFromAnother() {
        String email = "acme-only-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        long id = create(acmeAdmin, "Acme Customer", email, "Acme", "acme")
                .body()
                .get("id")
                .asLong();

        assertThat(names(api.get("/api/v1/contacts?limit=100&q=" + email, globexAdmin)))
                .isEmpty();
        Api.Reply fromGlobex = api.get("/api/v1/contacts/" + id, globexAdmin);
        assertThat(fromGlobex.status() == 404 || !email.equals(fromGlobex.text("email")))
                .isTrue();
        api.send(HttpMethod.PUT, "/api/v1/contacts/" + id, globexAdmin, Map.of("name", "Hijacked", "email", email));
        api.send(HttpMethod.DELETE, "/api/v1/contacts/" + id, globexAdmin, null);
        api.send(HttpMethod.POST, "/api/v1/contacts/" + id + "/invite", globexAdmin, null);

        Api.Reply stillThere = api.get("/api/v1/contacts/" + id, acmeAdmin);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.text("name")).isEqualTo("Acme Customer");
        assertThat(stillThere.text("user_id")).isNull();
    }

    private Api.Reply create(String token, String name, String email, String organisation, String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        if (tag != null) {
            body.put("tags", List.of(tag));
        }
        return api.send(HttpMethod.POST, "/api/v1/contacts", token, body);
    }

    private static String field(Api.Reply problem) {
        return problem.body().get("errors").get(0).get("field").asString();
    }

    private static List<String> names(Api.Reply page) {
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("items").values().stream()
                .map(item -> item.get("name").asString())
                .toList();
    }
}
