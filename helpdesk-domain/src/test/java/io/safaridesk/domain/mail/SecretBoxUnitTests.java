package io.safaridesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxUnitTests {

    private final SecretBox box = new SecretBox("one secret");

    @Test
    void opensWhatItSealedAndNeverSealsTheSameWayTwice() {
        String sealed = box.seal("smtp password ü");

        assertThat(sealed).startsWith("v1:").doesNotContain("smtp password");
        assertThat(box.open(sealed)).isEqualTo("smtp password ü");
        assertThat(box.seal("smtp password ü")).isNotEqualTo(sealed);
    }

    @Test
    void refusesAnotherKeyAndAlteredValues() {
        String sealed = box.seal("secret");
        char[] altered = sealed.toCharArray();
        altered[10] = altered[10] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> new SecretBox("another secret").open(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(new String(altered))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
