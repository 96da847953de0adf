package io.safaridesk.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureUnitTests {

    // the reference test vector of the Standard Webhooks specification
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(WebhookSignature.sign(ID, TIMESTAMP, BODY, List.of(SECRET)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesTheVectorAndRefusesAnyChangedPart() {
        String header = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

        assertThat(WebhookSignature.verify(ID, TIMESTAMP, BODY, header, SECRET)).isTrue();
        assertThat(WebhookSignature.verify(ID, TIMESTAMP, "{\"test\": 2432232315}", header, SECRET))
                .isFalse();
        assertThat(WebhookSignature.verify("msg_other", TIMESTAMP, BODY, header, SECRET))
                .isFalse();
        assertThat(WebhookSignature.verify(ID, TIMESTAMP + 1, BODY, header, SECRET))
                .isFalse();
        assertThat(WebhookSignature.verify(ID, TIMESTAMP, BODY, "v1,not-base64!!", SECRET))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsSignAndEachVerifiesAlone() {
        String next = WebhookSignature.newSecret();

        String header = WebhookSignature.sign(ID, TIMESTAMP, BODY, List.of(next, SECRET));

        assertThat(header.split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1,"));
        assertThat(WebhookSignature.verify(ID, TIMESTAMP, BODY, header, SECRET)).isTrue();
        assertThat(WebhookSignature.verify(ID, TIMESTAMP, BODY, header, next)).isTrue();
        assertThat(WebhookSignature.verify(ID, TIMESTAMP, BODY, header, WebhookSignature.newSecret()))
                .isFalse();
    }

    @Test
    void newSecretsAreWhsecPrefixedBase64Of32RandomBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    }
}
