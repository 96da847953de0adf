package io.safaridesk.provisioning.realm;

import java.time.Duration;
import java.util.Objects;

/** How a login through {@link KeycloakLogin} ended. Keycloak being down is not a result: it throws. */
public sealed interface LoginResult {

    /**
     * Logged in.
     *
     * @param accessToken the access token (a JWT of the workspace realm)
     * @param refreshToken the refresh token
     * @param expiresIn how long the access token is valid
     */
    record Tokens(String accessToken, String refreshToken, Duration expiresIn) implements LoginResult {

        public Tokens {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(expiresIn, "expiresIn");
        }

        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresIn + "]";
        }
    }

    /** Unknown user, wrong password, or wrong OTP code: deliberately not told apart. */
    record InvalidCredentials() implements LoginResult {}

    /** The user has an OTP credential and no code was given: ask for it and try again. */
    record OtpRequired() implements LoginResult {}

    /**
     * The account must finish setting up in the browser first: configure OTP (admins and agents), verify the email
     * address, or update the password.
     */
    record AccountNotSetUp() implements LoginResult {}

    /** The user is disabled. */
    record AccountDisabled() implements LoginResult {}

    /** The workspace's realm is disabled (workspace suspended). */
    record RealmDisabled() implements LoginResult {}

    /** There is no such workspace realm. */
    record RealmNotFound() implements LoginResult {}
}
