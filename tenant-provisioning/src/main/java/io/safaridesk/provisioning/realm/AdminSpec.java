package io.safaridesk.provisioning.realm;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The first administrator of a workspace realm. The username is the email address.
 *
 * @param email the admin's email address, also the username (kept in lower case, as Keycloak keeps usernames)
 * @param firstName first name
 * @param lastName last name
 * @param passwordHash the password, hashed by SafariDesk so that the plaintext never leaves sign-up
 * @param otpSecret the secret of a TOTP credential to create with the user, or {@code null}: then the admin sets up OTP
 *     at the first browser login (required action {@code CONFIGURE_TOTP})
 */
public record AdminSpec(
        String email,
        String firstName,
        String lastName,
        PasswordHash passwordHash,
        @Nullable String otpSecret) {

    public AdminSpec {
        if (email == null || email.isBlank() || email.strip().indexOf('@') < 1) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        email = email.strip().toLowerCase(Locale.ROOT);
        requireName(firstName, "first name");
        requireName(lastName, "last name");
        firstName = firstName.strip();
        lastName = lastName.strip();
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (otpSecret != null && otpSecret.isBlank()) {
            throw new IllegalArgumentException("an OTP secret must not be blank");
        }
    }

    /** An admin without an OTP credential: OTP is set up at the first browser login. */
    public AdminSpec(String email, String firstName, String lastName, PasswordHash passwordHash) {
        this(email, firstName, lastName, passwordHash, null);
    }

    private static void requireName(String name, String what) {
        // Keycloak's user profile asks for both names before a user may proceed in the browser
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the admin needs a " + what);
        }
    }

    @Override
    public String toString() {
        return "AdminSpec[email=" + email + ", firstName=" + firstName + ", lastName=" + lastName + ", otp="
                + (otpSecret == null ? "to be set up" : "given") + "]";
    }
}
