package io.safaridesk.provisioning.realm;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.http.NoHttpResponseException;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The admin client of one Keycloak (one per realm cell, shared by every thread of the process), logged in as a
 * master-realm administrator, with Keycloak's failures translated: unreachable, slow or out of pooled connections into
 * {@link KeycloakUnavailable}, an HTTP error into {@link KeycloakRefused}.
 *
 * <p>Every call is bounded by {@link KeycloakClientSettings}. RESTEasy's Apache engine waits for a pooled connection
 * without limit unless given a checkout timeout, which is how a provisioning once hung for 14 minutes; and the token is
 * kept by {@link AdminToken}, not by the admin client's {@code synchronized} token manager, so that no thread waits on
 * a lock another thread holds while it waits on Keycloak.
 */
final class KeycloakAdmin implements AutoCloseable {

    private final KeycloakAdminProperties properties;
    private final KeycloakClientSettings settings;
    private final Client http;
    private final AdminToken token;

    KeycloakAdmin(KeycloakAdminProperties properties) {
        this(properties, KeycloakClientSettings.defaults());
    }

    KeycloakAdmin(KeycloakAdminProperties properties, KeycloakClientSettings settings) {
        this.properties = properties;
        this.settings = settings;
        this.http = ((ResteasyClientBuilder) ClientBuilderWrapper.create(null, false))
                .connectionPoolSize(settings.poolSize())
                .maxPooledPerRoute(settings.poolSize())
                .connectionCheckoutTimeout(settings.poolTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100)
                .build();
        this.token = new AdminToken(http, properties, Clock.systemUTC());
    }

    KeycloakClientSettings settings() {
        return settings;
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
            return call.apply(withToken(token.value()));
        } catch (WebApplicationException | ProcessingException e) {
            RuntimeException failure = translate(action, e);
            if (failure instanceof KeycloakRefused refused && refused.status() == 401) {
                token.forget(); // revoked, or Keycloak restarted with other keys: the next call logs in again
            }
            throw failure;
        }
    }

    /** An admin client on the shared connection pool; closing it would close the pool, so it is just dropped. */
    private Keycloak withToken(String accessToken) {
        return KeycloakBuilder.builder()
                .serverUrl(properties.url().toString())
                .realm("master")
                .authorization(accessToken)
                .resteasyClient(http)
                .build();
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
        // the admin client wraps an HTTP error of a request filter in a ProcessingException
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
            // connection refused or reset, a timeout (connect, read, or waiting for a pooled connection), an unknown
            // host, a server that closed without answering
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
        http.close();
    }
}
