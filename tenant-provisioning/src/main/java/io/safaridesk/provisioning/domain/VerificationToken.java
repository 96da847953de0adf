package io.safaridesk.provisioning.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a business publishes to prove it owns a domain: {@code safaridesk-verification=} followed by 32 URL-safe
 * base64 characters (192 random bits), e.g. {@code safaridesk-verification=q3Jx0Zb9c-4mWv_8RkT2aYp5LhNe7sUd}. It goes
 * into a TXT record at {@code _safaridesk-challenge.<domain>} or, as the whole body, into {@code
 * https://<domain>/.well-known/safaridesk-verification.txt}. It is not a secret: it says which claim the domain
 * backs.
 *
 * @param value the whole token, prefix included
 */
public record VerificationToken(String value) {

    /** The fixed start of every token. */
    public static final String PREFIX = "safaridesk-verification=";

    private static final int RANDOM_BYTES = 24;
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Checks the format, so that a stored token read back is a token. */
    public VerificationToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a SafariDesk verification token: " + value);
        }
    }

    /** A new token from a {@link SecureRandom}. */
    public static VerificationToken generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return new VerificationToken(PREFIX + ENCODER.encodeToString(random));
    }

    /** A token kept earlier, e.g. with a pending sign-up. */
    public static VerificationToken of(@Nullable String value) {
        return new VerificationToken(value);
    }

    /** Whether published text is this token; surrounding white space is ignored, case is not. */
    boolean matches(String published) {
        return value.equals(published.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
