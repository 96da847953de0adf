package io.safaridesk.helpdesk.testing;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.testing.Totp;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.json.JsonMapper;

/** One provisioned workspace and the users a test made in its realm. */
public record TestWorkspace(TenantSlug slug, String issuer, String adminEmail, Keycloak keycloak) {

    /** A user the test can log in as. */
    public record User(String username, String password, String otpSecret) {}

    private RealmResource realm() {
        return keycloak.realm(slug.realmName());
    }

    /** The admin that provisioning made, with an OTP credential the test knows in place of the set-up step. */
    public User admin() {
        UserRepresentation admin =
                realm().users().searchByUsername(adminEmail, true).getFirst();
        return withOtp(realm().users().get(admin.getId()), adminEmail, TestWorkspaces.PASSWORD);
    }

    /** A new user with this realm role; admins and agents get an OTP credential, as the realm demands. */
    public User addUser(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + slug + ".test";
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username);
        user.setFirstName(role);
        user.setLastName("Tester");
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(TestWorkspaces.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        UserResource resource = realm().users().get(id);
        resource.roles().realmLevel().add(List.of(realm().roles().get(role).toRepresentation()));
        return role.equals("customer")
                ? new User(username, TestWorkspaces.PASSWORD, null)
                : withOtp(resource, username, TestWorkspaces.PASSWORD);
    }

    private static User withOtp(UserResource user, String username, String password) {
        String secret = "otp-" + UUID.randomUUID();
        UserRepresentation representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        representation.setCredentials(List.of(otpCredential(secret)));
        user.update(representation);
        return new User(username, password, secret);
    }

    private static CredentialRepresentation otpCredential(String secret) {
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setSecretData("{\"value\":\"" + secret + "\"}");
        otp.setCredentialData(
                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        return otp;
    }

    /** An access token for the user, through the realm's direct grant with password and TOTP. */
    public String token(User user) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "safaridesk-spa");
        form.put("username", user.username());
        form.put("password", user.password());
        if (user.otpSecret() != null) {
            form.put("totp", Totp.now(user.otpSecret()));
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(tokenEndpoint)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Login of " + user.username() + " failed: " + response.body());
            }
            return JsonMapper.shared()
                    .readTree(response.body())
                    .get("access_token")
                    .asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
