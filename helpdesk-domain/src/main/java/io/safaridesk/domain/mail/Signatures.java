package io.safaridesk.domain.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Short HMAC-SHA256 signatures in lower-case base32, for tokens that travel inside mail addresses and headers. */
final class Signatures {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Signatures() {}

    static SecretKeySpec key(String purpose, String secret) {
        return new SecretKeySpec((purpose + ":" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    static String mac(SecretKeySpec key, String text, int chars) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(chars);
            for (int i = 0; i < chars; i++) {
                out.append(BASE32[digest[i] & 31]);
            }
            return out.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
