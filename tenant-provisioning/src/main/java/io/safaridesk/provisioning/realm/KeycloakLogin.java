package io.safaridesk.provisioning.realm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in to a workspace realm through the {@code safaridesk-spa} client's direct grant (password plus, for
 * admins and agents, a TOTP code), and sends password reset mails.
 *
 * <p>Keycloak 26.5 answers a wrong password, a missing OTP code and a wrong code alike ({@code 401 invalid_grant
 * "Invalid user credentials"}); when no code was given, the admin API tells whether the user has an OTP credential, and
 * then the answer is {@link LoginResult.OtpRequired}. Throws {@link KeycloakUnavailable} when Keycloak cannot be reached.
 */
public class KeycloakLogin {

    private static final Logger log = LoggerFactory.getLogger(KeycloakLogin.class);
    /** A person waits for the answer: at most this long, or the cell's read timeout when shorter. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The error of the realm template's deny-access step for an admin or agent without an OTP credential (its {@code
     * denyErrorMessage}; Keycloak answers it as {@code {"error":"otp_not_set_up"}} to a JSON request).
     */
    static final String OTP_NOT_SET_UP = "otp_not_set_up";

    private final KeycloakAdmin admin;
    private final HttpClient http;
    private final Duration requestTimeout;

    KeycloakLogin(KeycloakAdmin admin) {
        this.admin = admin;
        KeycloakClientSettings settings = admin.settings();
        this.requestTimeout =
                settings.readTimeout().compareTo(LOGIN_TIMEOUT) < 0 ? settings.readTimeout() : LOGIN_TIMEOUT;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Logs {@code username} (or email address) in to realm {@code realm}.
     *
     * @param otp the current TOTP code, or {@code null} when the user gave none
     */
    public LoginResult login(String realm, String username, String password, @Nullable String otp) {
        if (!RealmNames.isValid(realm)) {
            return new LoginResult.RealmNotFound();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", RealmTemplate.SPA_CLIENT);
        form.put("username", username);
        form.put("password", password);
        if (otp != null) {
            form.put("totp", otp);
        }
        HttpResponse<String> response = post(realm, form);
        int status = response.statusCode();
        Optional<JsonNode> body = json(response);
        String error = body.map(json -> json.path("error").asText("")).orElse("");
        String description =
                body.map(json -> json.path("error_description").asText("")).orElse("");

        if (status == 200 && body.isPresent()) {
            JsonNode tokens = body.get();
            return new LoginResult.Tokens(
                    tokens.path("access_token").asText(),
                    tokens.path("refresh_token").asText(),
                    Duration.ofSeconds(tokens.path("expires_in").asLong()));
        }
        if (status == 502 || status == 503 || status == 504) {
            throw KeycloakUnavailable.at(
                    admin.url(), "log in to realm " + realm, new IOException("HTTP " + status + " " + error));
        }
        if (status == 404 && "Realm does not exist".equals(error)) {
            return new LoginResult.RealmNotFound();
        }
        if (status == 403 && "Realm not enabled".equals(description)) {
            return new LoginResult.RealmDisabled();
        }
        if ("invalid_grant".equals(error)) {
            switch (description) {
                case "Account disabled" -> {
                    return new LoginResult.AccountDisabled();
                }
                case "Account is not fully set up" -> {
                    return new LoginResult.AccountNotSetUp();
                }
                case "Invalid user credentials" -> {
                    return otp == null && hasOtpCredential(realm, username)
                            ? new LoginResult.OtpRequired()
                            : new LoginResult.InvalidCredentials();
                }
                default -> {
                    return new LoginResult.InvalidCredentials();
                }
            }
        }
        if (status == 401 && OTP_NOT_SET_UP.equals(error)) {
            // the template's direct grant flow denies an admin or agent without an OTP credential, after the
            // password matched: OTP cannot be set up in a direct grant
            return new LoginResult.AccountNotSetUp();
        }
        throw KeycloakRefused.of(
                "log in to realm " + realm, status, body.map(JsonNode::toString).orElse(""), null);
    }

    /**
     * Sends the user with email address {@code email} a mail to set a new password (Keycloak's execute-actions mail
     * with {@code UPDATE_PASSWORD}). An unknown address, or a disabled user, is answered the same way as a known one,
     * so that callers cannot tell who has an account.
     */
    public void sendPasswordReset(String realm, String email) {
        RealmNames.require(realm);
        String address = email.strip().toLowerCase(Locale.ROOT);
        admin.run("send password reset mail in realm " + realm, keycloak -> {
            Optional<UserRepresentation> user = keycloak.realm(realm).users().searchByEmail(address, true).stream()
                    .findFirst();
            if (user.isEmpty() || !Boolean.TRUE.equals(user.get().isEnabled())) {
                log.info("No password reset mail in realm {}: no enabled user with that address", realm);
                return;
            }
            keycloak.realm(realm).users().get(user.get().getId()).executeActionsEmail(List.of("UPDATE_PASSWORD"));
        });
    }

    private boolean hasOtpCredential(String realm, String username) {
        return otpCredential(realm, username).orElse(false);
    }

    /** Whether the user has an OTP credential, or empty when there is no such user. */
    private Optional<Boolean> otpCredential(String realm, String username) {
        return admin.call("look up user in realm " + realm, keycloak -> {
            RealmResource resource = keycloak.realm(realm);
            return KeycloakAdmin.findUser(resource, username)
                    .map(user -> resource.users().get(user.getId()).credentials().stream()
                            .anyMatch(credential -> Credentials.OTP.equals(credential.getType())));
        });
    }

    private HttpResponse<String> post(String realm, Map<String, String> form) {
        URI tokenEndpoint = admin.resolve("/realms/" + realm + "/protocol/openid-connect/token");
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw KeycloakUnavailable.at(admin.url(), "log in to realm " + realm, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KeycloakUnavailable.at(admin.url(), "log in to realm " + realm, e);
        }
    }

    private static Optional<JsonNode> json(HttpResponse<String> response) {
        boolean isJson = response.headers()
                .firstValue("Content-Type")
                .map(type -> type.startsWith("application/json"))
                .orElse(false);
        if (!isJson) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonSerialization.mapper.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
