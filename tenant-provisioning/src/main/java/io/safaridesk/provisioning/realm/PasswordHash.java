package io.safaridesk.provisioning.realm;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hashed the way Keycloak hashes it ({@code pbkdf2-sha512}), so that SafariDesk imports a hash into the
 * realm and never stores or sends the plaintext.
 *
 * @param algorithm Keycloak's name of the hash algorithm: always {@value #ALGORITHM}
 * @param iterations PBKDF2 iterations ({@value #ITERATIONS} for new hashes, Keycloak's default for this algorithm)
 * @param salt the salt (at least 16 bytes)
 * @param hash the derived key (512 bits)
 */
public record PasswordHash(String algorithm, int iterations, byte[] salt, byte[] hash) {

    /** Keycloak's name of PBKDF2 with HMAC-SHA512. */
    public static final String ALGORITHM = "pbkdf2-sha512";

    /** Iterations of new hashes. */
    public static final int ITERATIONS = 210_000;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (!ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("only " + ALGORITHM + " is supported, not " + algorithm);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (salt.length < SALT_BYTES) {
            throw new IllegalArgumentException("salt shorter than " + SALT_BYTES + " bytes");
        }
        if (hash.length != HASH_BITS / 8) {
            throw new IllegalArgumentException("a " + ALGORITHM + " hash has " + HASH_BITS / 8 + " bytes");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /**
     * Hashes {@code password} with a fresh random 16-byte salt and {@value #ITERATIONS} iterations. The caller still
     * owns {@code password} and should clear it.
     */
    public static PasswordHash of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return of(password, salt);
    }

    /** {@code pbkdf2-sha512$<iterations>$<base64 salt>$<base64 hash>}: how a hash waits in the registry. */
    public String toStoredForm() {
        Base64.Encoder base64 = Base64.getEncoder();
        return algorithm + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** The hash from its {@link #toStoredForm() stored form}. */
    public static PasswordHash fromStoredForm(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a stored password hash");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new PasswordHash(parts[0], Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
    }

    static PasswordHash of(char[] password, byte[] salt) {
        return new PasswordHash(ALGORITHM, ITERATIONS, salt, pbkdf2(password, salt, ITERATIONS));
    }

    /** PBKDF2WithHmacSHA512 with a 512-bit derived key, as Keycloak's {@code pbkdf2-sha512} provider computes it. */
    static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("an empty password cannot be hashed");
        }
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that
                && algorithm.equals(that.algorithm)
                && iterations == that.iterations
                && Arrays.equals(salt, that.salt)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, iterations, Arrays.hashCode(salt), Arrays.hashCode(hash));
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm + ", " + iterations + " iterations]";
    }
}
