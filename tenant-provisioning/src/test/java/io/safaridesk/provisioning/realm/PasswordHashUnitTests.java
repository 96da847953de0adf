package io.safaridesk.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashUnitTests {

    @Test
    void derivesTheKnownPbkdf2HmacSha512Vector() {
        // PBKDF2-HMAC-SHA512, P = "password", S = "salt", c = 1, dkLen = 64
        byte[] derived = PasswordHash.pbkdf2("password".toCharArray(), "salt".getBytes(), 1);

        assertThat(HexFormat.of().formatHex(derived))
                .isEqualTo("867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                        + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
    }

    @Test
    void hashesWith210000IterationsLikeAnIndependentImplementation() {
        // expected value from Python: hashlib.pbkdf2_hmac("sha512", b"Correct-Horse-Battery-1", bytes(range(16)),
        // 210000)
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }

        PasswordHash hash = PasswordHash.of("Correct-Horse-Battery-1".toCharArray(), salt);

        assertThat(hash.algorithm()).isEqualTo("pbkdf2-sha512");
        assertThat(hash.iterations()).isEqualTo(210_000);
        assertThat(Base64.getEncoder().encodeToString(hash.salt())).isEqualTo("AAECAwQFBgcICQoLDA0ODw==");
        assertThat(Base64.getEncoder().encodeToString(hash.hash()))
                .isEqualTo("KAtxSeCYxTjqsr1VILWjAEN1p6/FrX7Z9VTSH4Ce374DNDQHsa+axdljZ/PrSQZKSH35b8OEPohywsd8FlOe2A==");
    }

    @Test
    void drawsAFreshSixteenByteSaltForEveryHash() {
        PasswordHash first = PasswordHash.of("Correct-Horse-Battery-1".toCharArray());
        PasswordHash second = PasswordHash.of("Correct-Horse-Battery-1".toCharArray());

        assertThat(first.salt()).hasSize(16);
        assertThat(first.hash()).hasSize(64);
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void equalsByValueAndKeepsItsBytesToItself() {
        byte[] salt = new byte[16];
        PasswordHash hash = PasswordHash.of("Correct-Horse-Battery-1".toCharArray(), salt);

        hash.hash()[0] ^= 1;
        salt[0] = 42;

        assertThat(hash).isEqualTo(PasswordHash.of("Correct-Horse-Battery-1".toCharArray(), new byte[16]));
        assertThat(hash).hasSameHashCodeAs(PasswordHash.of("Correct-Horse-Battery-1".toCharArray(), new byte[16]));
    }

    @Test
    void neverPrintsTheHash() {
        PasswordHash hash = PasswordHash.of("Correct-Horse-Battery-1".toCharArray());

        assertThat(hash.toString())
                .isEqualTo("PasswordHash[pbkdf2-sha512, 210000 iterations]")
                .doesNotContain(Base64.getEncoder().encodeToString(hash.hash()));
    }

    @Test
    void refusesAnEmptyPasswordAndOtherAlgorithms() {
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordHash.of(new char[0]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordHash("pbkdf2-sha256", 27_500, new byte[16], new byte[64]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordHash("pbkdf2-sha512", 210_000, new byte[8], new byte[64]));
    }
}
