package io.safaridesk.provisioning.realm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.util.JsonSerialization;

/** Credentials in the form Keycloak's admin API imports them. */
final class Credentials {

    /** Keycloak's credential type of TOTP and HOTP credentials. */
    static final String OTP = "otp";

    private Credentials() {}

    /**
     * A password credential holding {@code hash}: {@code secretData} {@code {"value":<base64 hash>,"salt":<base64
     * salt>,"additionalParameters":{}}}, {@code credentialData} {@code {"hashIterations":n,"algorithm":
     * "pbkdf2-sha512","additionalParameters":{}}}.
     */
    static CredentialRepresentation password(PasswordHash hash) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("value", Base64.getEncoder().encodeToString(hash.hash()));
        secret.put("salt", Base64.getEncoder().encodeToString(hash.salt()));
        secret.put("additionalParameters", Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hashIterations", hash.iterations());
        data.put("algorithm", hash.algorithm());
        data.put("additionalParameters", Map.of());
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setSecretData(json(secret));
        credential.setCredentialData(json(data));
        credential.setTemporary(false);
        return credential;
    }

    /**
     * A TOTP credential matching the realm template's OTP policy (HmacSHA1, 6 digits, 30 s). Keycloak keys the codes
     * with the UTF-8 bytes of {@code secret} (ARCHITECTURE.md, Identity).
     */
    static CredentialRepresentation totp(String secret) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subType", "totp");
        data.put("digits", 6);
        data.put("counter", 0);
        data.put("period", 30);
        data.put("algorithm", "HmacSHA1");
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(OTP);
        credential.setSecretData(json(Map.of("value", secret)));
        credential.setCredentialData(json(data));
        return credential;
    }

    private static String json(Map<String, Object> value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
