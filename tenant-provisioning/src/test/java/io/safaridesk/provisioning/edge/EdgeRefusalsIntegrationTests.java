package io.safaridesk.provisioning.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.RawHttp;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * tenant-provisioning runs without Spring Security, so Tomcat's own refusals reach its error valve directly: they,
 * the edge guard and Spring MVC's refusals all answer problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
class EdgeRefusalsIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/v1/auth/workspaces/a%2Fb HTTP/1.1",
                "GET /api/v1/auth/workspaces/..%2F..%2Fetc HTTP/1.1",
                "GET /api/v1/auth/workspaces/%00 HTTP/1.1",
                "GET /api/v1/auth/workspaces/%zz HTTP/1.1",
                "GET /api/v1/../../etc/passwd HTTP/1.1",
                "FOO /api/v1/auth/login HTTP/1.1",
                "GET /api/v1/no-such-route HTTP/1.1"
            })
    void containerRefusalsAreProblems(String requestLine) {
        RawHttp.Response response = RawHttp.send(port, requestLine + "\r\nAccept: text/html");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.body()).doesNotContainIgnoringCase("<html");
    }

    @Test
    void nulInALoginFieldIsRefusedNamingIt() {
        RawHttp.Response response = RawHttp.send(
                port,
                "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json",
                "{\"workspace\":\"acme\",\"email\":\"a@b.test\",\"password\":\"x\\u0000y\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("\"field\":\"password\"");
    }

    @Test
    void unknownMediaTypeAndWrongMethodAreProblemsWithStableTypes() {
        RawHttp.Response media = RawHttp.send(
                port,
                "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/x-unknown",
                "x".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response method = RawHttp.send(port, "DELETE /api/v1/auth/login HTTP/1.1");

        assertThat(media.status()).isEqualTo(415);
        assertThat(media.body()).contains("https://safaridesk.io/problems/unsupported-media-type");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body()).contains("https://safaridesk.io/problems/method-not-allowed");
    }
}
