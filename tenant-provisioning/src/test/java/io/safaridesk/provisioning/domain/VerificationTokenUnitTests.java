package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VerificationTokenUnitTests {

    @Test
    void isThePrefixAndThirtyTwoUrlSafeCharacters() {
        VerificationToken token = VerificationToken.generate();

        assertThat(token.value()).matches("safaridesk-verification=[A-Za-z0-9_-]{32}");
        assertThat(token).hasToString(token.value());
    }

    @Test
    void isDifferentEveryTime() {
        Set<String> tokens = new HashSet<>();
        IntStream.range(0, 1000)
                .forEach(i -> tokens.add(VerificationToken.generate().value()));

        assertThat(tokens).hasSize(1000);
    }

    @Test
    void readsBackAStoredToken() {
        VerificationToken token = VerificationToken.generate();

        assertThat(VerificationToken.of(token.value())).isEqualTo(token);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "safaridesk-verification=",
                "safaridesk-verification=tooShort",
                "safaridesk-verification=abcdefghijklmnopqrstuvwxyz0123456", // 33
                "safaridesk-verification=abcdefghijklmnopqrstuvwxyz01234+",
                "other-verification=abcdefghijklmnopqrstuvwxyz012345"
            })
    void refusesWhatIsNotAToken(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> VerificationToken.of(value));
    }

    @Test
    void matchesPublishedTextIgnoringSurroundingWhiteSpaceButNotCase() {
        VerificationToken token = VerificationToken.of("safaridesk-verification=abcdefghijklmnopqrstuvwxyz012345");

        assertThat(token.matches("  safaridesk-verification=abcdefghijklmnopqrstuvwxyz012345\r\n"))
                .isTrue();
        assertThat(token.matches("safaridesk-verification=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"))
                .isFalse();
    }
}
