package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReasonsUnitTests {

    @Test
    void quotesPublishedTextWithControlCharactersMaskedAndLongTextCut() {
        assertThat(Reasons.quoted("a\u0007b")).isEqualTo("\"a?b\"");
        assertThat(Reasons.quoted("x".repeat(100))).isEqualTo("\"" + "x".repeat(80) + "...\"");
    }

    @Test
    void saysSecondsAsAPersonWould() {
        assertThat(Reasons.seconds(Duration.ofSeconds(3))).isEqualTo("3 s");
        assertThat(Reasons.seconds(Duration.ofMillis(300))).isEqualTo("0.3 s");
    }
}
