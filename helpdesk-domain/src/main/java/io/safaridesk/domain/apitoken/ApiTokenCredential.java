package io.safaridesk.domain.apitoken;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API token as a client holds it: {@code sdat_<workspace>_<id>_<secret>}. The workspace slug (which has no
 * underscore) lets the API route the request to its schema without looking at any other workspace, the id finds the
 * row, and the secret (256 random bits, base64url) is compared by its SHA-256 hash in constant time.
 */
public record ApiTokenCredential(TenantSlug workspace, long tokenId, String secret) {

    /** What every API token starts with, so that it is told from a JWT at a glance (and found by secret scanners). */
    public static final String PREFIX = "sdat_";

    private static final Pattern FORMAT = Pattern.compile("sdat_([a-z0-9-]+)_([1-9][0-9]{0,18})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether {@code bearer} is meant as an API token (it may still be malformed). */
    public static boolean looksLike(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    /** The parts of a well-formed token; empty for anything else, a bad slug included. */
    public static Optional<ApiTokenCredential> parse(String bearer) {
        Matcher parts = bearer == null ? null : FORMAT.matcher(bearer);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiTokenCredential(
                    TenantSlug.of(parts.group(1)), Long.parseLong(parts.group(2)), parts.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A new random secret (32 bytes, base64url without padding: 43 characters). */
    static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * What is stored for a secret. A plain SHA-256 is enough here: the secret is 256 random bits, so there is no
     * dictionary to try and a slow password hash would only cost every request its time.
     */
    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token as the client sends it. */
    public String value() {
        return PREFIX + workspace.value() + "_" + tokenId + "_" + secret;
    }

    /** Never the secret: a credential that reaches a log must not give the token away. */
    @Override
    public String toString() {
        return PREFIX + workspace.value() + "_" + tokenId + "_***";
    }
}
