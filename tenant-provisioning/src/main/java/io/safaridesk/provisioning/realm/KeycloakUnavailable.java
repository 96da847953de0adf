package io.safaridesk.provisioning.realm;

import java.net.URI;

/**
 * Keycloak could not be reached or answered that it cannot serve now (connection refused, timeout, 502/503/504). The
 * work can wait and be retried; nothing was refused.
 */
public final class KeycloakUnavailable extends RuntimeException {

    private final URI keycloak;

    private KeycloakUnavailable(URI keycloak, String message, Throwable cause) {
        super(message, cause);
        this.keycloak = keycloak;
    }

    /** Keycloak at {@code keycloak} did not answer {@code action}. */
    public static KeycloakUnavailable at(URI keycloak, String action, Throwable cause) {
        // a refused connection of java.net.http has no message: its type is the reason then
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new KeycloakUnavailable(
                keycloak, "Keycloak at " + keycloak + " is unavailable (" + action + "): " + reason, cause);
    }

    /** The Keycloak that did not answer. */
    public URI keycloak() {
        return keycloak;
    }
}
