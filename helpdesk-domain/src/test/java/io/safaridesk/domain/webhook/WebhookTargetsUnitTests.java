package io.safaridesk.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsUnitTests {

    private static WebhookTargets targets(boolean allowHttp, boolean allowPrivate) {
        return new WebhookTargets(new WebhookProperties(
                allowHttp,
                allowPrivate,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                1024,
                List.of(Duration.ofSeconds(1)),
                Duration.ofHours(1),
                10));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:127.0.0.1]/hook"
            })
    void refusesPrivateLoopbackAndLinkLocalTargetsByDefault(String url) {
        assertThatThrownBy(() -> targets(false, false).check("url", url))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.fields())
                                .extracting(FieldProblem::field)
                                .containsExactly("url"))
                .hasMessageContaining("private, loopback or link-local");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.216.34/hook",
                "ftp://93.184.216.34/hook",
                "https://user:pw@93.184.216.34/hook",
                "/relative",
                "https://93.184.216.34/hook#frag"
            })
    void refusesAnythingButAnAbsoluteHttpsUrlWithoutCredentials(String url) {
        assertThatThrownBy(() -> targets(false, false).check("url", url))
                .isInstanceOf(ApiProblem.class)
                .hasMessageStartingWith("url ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:4700::1111]/hook"})
    void acceptsPublicHttpsTargets(String url) {
        assertThat(targets(false, false).check("url", url)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://[::1]/hook", "http://localhost/x"})
    void theOperatorMayAllowLocalReceivers(String url) {
        assertThat(targets(true, true).check("url", url)).hasToString(url);
    }
}
