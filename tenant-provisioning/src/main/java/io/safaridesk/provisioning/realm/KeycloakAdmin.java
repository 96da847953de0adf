package io.safaridesk.provisioning.realm;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.http.NoHttpResponseException;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The admin client of one Keycloak, logged in as a master-realm administrator, with Keycloak's failures translated:
 * unreachable into {@link KeycloakUnavailable}, an HTTP error into {@link KeycloakRefused}.
 */
final class KeycloakAdmin implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // creating a realm takes seconds once a Keycloak holds hundreds of them
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final KeycloakAdminProperties properties;
    private final Keycloak keycloak;

    KeycloakAdmin(KeycloakAdminProperties properties) {
        this.properties = properties;
        Client http = ClientBuilderWrapper.create(null, false)
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100)
                .build();
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url().toString())
                .realm("master")
                .clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(properties.adminUser())
                .password(properties.adminPassword())
                .resteasyClient(http)
                .build();
    }

    URI url() {
        return properties.url();
    }

    /** {@code url} with {@code path} appended. */
    URI resolve(String path) {
        return properties.resolve(path);
    }

    /** Runs {@code call} against the admin API; {@code action} names it in errors. */
    <T> T call(String action, Function<Keycloak, T> call) {
        try {
            return call.apply(keycloak);
        } catch (WebApplicationException | ProcessingException e) {
            throw translate(action, e);
        }
    }

    void run(String action, Consumer<Keycloak> call) {
        call(action, keycloak -> {
            call.accept(keycloak);
            return null;
        });
    }

    /** The user whose username, else email address, is {@code usernameOrEmail} (exact match). */
    static Optional<UserRepresentation> findUser(RealmResource realm, String usernameOrEmail) {
        List<UserRepresentation> byUsername = realm.users().searchByUsername(usernameOrEmail, true);
        if (!byUsername.isEmpty()) {
            return Optional.of(byUsername.getFirst());
        }
        if (usernameOrEmail.indexOf('@') < 0) {
            return Optional.empty();
        }
        return realm.users().searchByEmail(usernameOrEmail, true).stream().findFirst();
    }

    /** The failure for an unexpected {@code response} to {@code action}. */
    RuntimeException failure(String action, Response response) {
        return translate(action, new WebApplicationException(response));
    }

    private RuntimeException translate(String action, RuntimeException e) {
        // the admin client fetches its token in a request filter, which wraps an HTTP error in a ProcessingException
        Optional<WebApplicationException> web = cause(e, WebApplicationException.class);
        if (web.isPresent()) {
            int status = web.get().getResponse().getStatus();
            if (status == 502 || status == 503 || status == 504) {
                return KeycloakUnavailable.at(url(), action, e);
            }
            return KeycloakRefused.of(action, status, body(web.get().getResponse()), e);
        }
        if (causedByUnreachable(e)) {
            return KeycloakUnavailable.at(url(), action, e);
        }
        return e;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    static boolean causedByUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // connection refused or reset, a timeout, an unknown host, a server that closed without answering
            if (cause instanceof SocketException
                    || cause instanceof InterruptedIOException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoHttpResponseException) {
                return true;
            }
        }
        return false;
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String body = response.readEntity(String.class);
            return body.length() > 500 ? body.substring(0, 500) + "..." : body;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
