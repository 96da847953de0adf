package io.safaridesk.provisioning.realm;

/**
 * Keycloak answered and refused: wrong admin credentials, a missing realm, an invalid representation, a server error.
 * Retrying the same call will not help.
 */
public final class KeycloakRefused extends RuntimeException {

    private final int status;

    private KeycloakRefused(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Keycloak answered {@code action} with HTTP {@code status}; {@code detail} is its answer, possibly empty. */
    public static KeycloakRefused of(String action, int status, String detail, Throwable cause) {
        return new KeycloakRefused(
                "Keycloak refused " + action + ": HTTP " + status + (detail.isBlank() ? "" : " " + detail),
                status,
                cause);
    }

    /** The HTTP status Keycloak answered with. */
    public int status() {
        return status;
    }
}
