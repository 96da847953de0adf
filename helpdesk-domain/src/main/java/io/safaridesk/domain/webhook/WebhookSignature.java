package io.safaridesk.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), where
 * the key is the base64 part of a {@code whsec_} secret. Several signatures (during a secret rotation) are separated by
 * spaces in one {@code webhook-signature} header; a receiver accepts the message if any of them verifies.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: {@code whsec_} + base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value: one {@code v1,...} entry per secret, space-separated. */
    public static String sign(String id, long timestamp, String body, List<String> secrets) {
        return String.join(
                " ",
                secrets.stream()
                        .map(secret -> "v1," + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body)))
                        .toList());
    }

    /** Whether any {@code v1} entry of {@code header} is the signature of the message with {@code secret}. */
    public static boolean verify(String id, long timestamp, String body, String header, String secret) {
        byte[] expected = mac(secret, id, timestamp, body);
        return Arrays.stream(header.trim().split(" +"))
                .filter(entry -> entry.startsWith("v1,"))
                .map(entry -> entry.substring(3))
                .anyMatch(signature -> {
                    try {
                        return MessageDigest.isEqual(
                                expected, Base64.getDecoder().decode(signature));
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                });
    }

    private static byte[] mac(String secret, String id, long timestamp, String body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
