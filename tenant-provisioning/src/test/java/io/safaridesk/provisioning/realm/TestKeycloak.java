package io.safaridesk.provisioning.realm;

import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

/** The test JVM's Keycloak, and what the realm tests build on it. */
final class TestKeycloak {

    static final String PASSWORD = "Correct-Horse-Battery-1";

    private TestKeycloak() {}

    static KeycloakAdminProperties properties() {
        ServiceEndpoints.Keycloak keycloak = TestServices.endpoints().keycloak();
        return new KeycloakAdminProperties(keycloak.url(), keycloak.adminUser(), keycloak.adminPassword());
    }

    static RealmMail mail() {
        ServiceEndpoints.Mail mail = TestServices.endpoints().mail();
        return new RealmMail(mail.smtpHost(), mail.smtpPort(), "no-reply@safaridesk.local");
    }

    static RealmTemplate template() {
        return new RealmTemplate(mail(), RealmTemplateProperties.templateDefaults());
    }

    static String uniqueRealm() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String uniqueOtpSecret() {
        return "otp-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Creates an enabled user with a verified email address, the test password, and {@code roles}. */
    static String createUser(
            KeycloakAdmin admin, String realm, String email, @Nullable String otpSecret, String... roles) {
        return admin.call("create test user", keycloak -> {
            RealmResource resource = keycloak.realm(realm);
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setEmailVerified(true);
            user.setFirstName("Test");
            user.setLastName("User");
            user.setEnabled(true);
            List<CredentialRepresentation> credentials = new ArrayList<>();
            credentials.add(Credentials.password(PasswordHash.of(PASSWORD.toCharArray())));
            if (otpSecret != null) {
                credentials.add(Credentials.totp(otpSecret));
            }
            user.setCredentials(credentials);
            String id;
            try (var response = resource.users().create(user)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
            List<RoleRepresentation> realmRoles = List.of(roles).stream()
                    .map(role -> resource.roles().get(role).toRepresentation())
                    .toList();
            resource.users().get(id).roles().realmLevel().add(realmRoles);
            return id;
        });
    }

    static UserRepresentation user(KeycloakAdmin admin, String realm, String username) {
        return admin.call(
                "read test user",
                keycloak -> keycloak.realm(realm)
                        .users()
                        .searchByUsername(username, true)
                        .getFirst());
    }

    /** The claims of a JWT, unverified. */
    static com.fasterxml.jackson.databind.JsonNode claims(String jwt) {
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        try {
            return JsonSerialization.mapper.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
