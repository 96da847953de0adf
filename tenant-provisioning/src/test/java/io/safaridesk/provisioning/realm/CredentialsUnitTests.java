package io.safaridesk.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.util.JsonSerialization;

class CredentialsUnitTests {

    @Test
    void writesAPasswordHashAsKeycloakImportsIt() throws Exception {
        PasswordHash hash = PasswordHash.of("Correct-Horse-Battery-1".toCharArray());

        CredentialRepresentation credential = Credentials.password(hash);

        assertThat(credential.getType()).isEqualTo("password");
        assertThat(credential.getValue()).isNull();
        JsonNode secret = JsonSerialization.mapper.readTree(credential.getSecretData());
        assertThat(secret.get("value").asText()).isEqualTo(Base64.getEncoder().encodeToString(hash.hash()));
        assertThat(secret.get("salt").asText()).isEqualTo(Base64.getEncoder().encodeToString(hash.salt()));
        assertThat(secret.get("additionalParameters").isObject()).isTrue();
        assertThat(secret.get("additionalParameters").isEmpty()).isTrue();
        assertThat(credential.getCredentialData())
                .isEqualTo("{\"hashIterations\":210000,\"algorithm\":\"pbkdf2-sha512\",\"additionalParameters\":{}}");
    }

    @Test
    void writesATotpSecretAsArchitectureDescribes() {
        CredentialRepresentation credential = Credentials.totp("S");

        assertThat(credential.getType()).isEqualTo("otp");
        assertThat(credential.getSecretData()).isEqualTo("{\"value\":\"S\"}");
        assertThat(credential.getCredentialData())
                .isEqualTo(
                        "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
    }
}
