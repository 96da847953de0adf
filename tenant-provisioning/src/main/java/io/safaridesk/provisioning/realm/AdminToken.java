package io.safaridesk.provisioning.realm;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.keycloak.OAuth2Constants;
import org.keycloak.representations.AccessTokenResponse;

/**
 * The master-realm administrator's access token of one Keycloak, fetched with the cell's bounded client and kept until
 * shortly before it expires.
 *
 * <p>Deliberately without a lock (the admin client's own token manager is {@code synchronized}, so one thread waiting
 * on Keycloak held up every other one, the CLI's among them): threads that find the token expired each fetch one, and
 * the last one fetched is kept.
 */
final class AdminToken {

    /** Renew this long before expiry, so that a token does not expire between the check and Keycloak's. */
    private static final Duration MARGIN = Duration.ofSeconds(15);

    private record Issued(String value, Instant renewAfter) {}

    private final Client http;
    private final KeycloakAdminProperties properties;
    private final Clock clock;
    private final AtomicReference<Issued> current = new AtomicReference<>();

    AdminToken(Client http, KeycloakAdminProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    /** A valid token: the kept one, or a new one when it is (about to be) expired. */
    String value() {
        Issued issued = current.get();
        if (issued != null && clock.instant().isBefore(issued.renewAfter())) {
            return issued.value();
        }
        Instant requested = clock.instant();
        AccessTokenResponse response = http.target(properties.resolve("/realms/master/protocol/openid-connect/token"))
                .request()
                .post(
                        Entity.form(new Form()
                                .param(OAuth2Constants.GRANT_TYPE, OAuth2Constants.PASSWORD)
                                .param(OAuth2Constants.CLIENT_ID, "admin-cli")
                                .param("username", properties.adminUser())
                                .param("password", properties.adminPassword())),
                        AccessTokenResponse.class);
        Issued fresh = new Issued(
                response.getToken(),
                requested.plusSeconds(response.getExpiresIn()).minus(MARGIN));
        current.set(fresh);
        return fresh.value();
    }

    /** Forgets the token (Keycloak refused it): the next call fetches a new one. */
    void forget() {
        current.set(null);
    }
}
