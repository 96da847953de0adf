package io.safaridesk.helpdesk.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * No input reaches a 5xx and every refusal is a problem: the edge guard (NUL and unpaired surrogates in query
 * parameters, JSON strings at any depth, headers, multipart file names), malformed multipart, and the refusals of
 * Tomcat and Spring themselves.
 */
class EdgeRefusalsIntegrationTests extends TwoWorkspaceApiTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/v1/tickets/1%2F2 HTTP/1.1",
                "GET /api/v1/portal/x/..%2F..%2Fetc HTTP/1.1",
                "GET /api/v1/tickets/%00 HTTP/1.1",
                "GET /api/v1/tickets/%zz HTTP/1.1",
                "GET /api/v1/tickets/%C0%AF HTTP/1.1",
                "GET /api/v1/../../etc/passwd HTTP/1.1",
                "GET /api/v1/tickets;jsessionid=1 HTTP/1.1",
                "GET /api/v1/tickets/a%5Cb HTTP/1.1"
            })
    void containerAndFirewallRefusalsAreProblems(String requestLine) {
        RawHttp.Response response = RawHttp.send(port, requestLine + "\r\nAccept: text/html");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("java.");
    }

    @Test
    void nulInAnAnonymousQueryParameterIsRefusedNamingIt() {
        RawHttp.Response response =
                RawHttp.send(port, "GET /api/v1/portal/" + acme.slug() + "/kb/articles/search?q=a%00b HTTP/1.1");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("\"field\":\"q\"");
    }

    @Test
    void nulInAJsonStringIsRefusedNamingTheField() {
        Api.Reply reply = api.send(
                HttpMethod.POST,
                "/api/v1/portal/" + acme.slug() + "/tickets",
                null,
                Map.of(
                        "name", "Nul\u0000Name",
                        "email", "nul@example.test",
                        "subject", "s",
                        "description", "d"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("type").asString()).endsWith("/invalid-input");
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void nulDeepInAJsonBodyIsRefusedNamingItsPlace() {
        Api.Reply reply = api.send(
                HttpMethod.POST,
                "/api/v1/tickets",
                acmeAdmin,
                Map.of("subject", "ok", "tags", java.util.List.of("fine", "bad\u0000tag")));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("tags[1]");
    }

    @Test
    void unpairedSurrogateInAJsonStringIsRefused() {
        byte[] body = "{\"name\":\"x\\ud800y\",\"email\":\"s@example.test\",\"subject\":\"s\",\"description\":\"d\"}"
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send(
                port,
                "POST /api/v1/portal/" + acme.slug() + "/tickets HTTP/1.1\r\nContent-Type: application/json",
                body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("\"field\":\"name\"");
    }

    @Test
    void controlCharacterInAHeaderIsRefusedNamingIt() {
        RawHttp.Response response = RawHttp.send(
                port, "GET /api/v1/portal/" + acme.slug() + "/kb/categories HTTP/1.1\r\nUser-Agent: a\u0001b");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.isProblem()).as(response.body()).isTrue();
    }

    @Test
    void multipartWithoutBoundaryIsBadRequest() {
        RawHttp.Response response = RawHttp.send(
                port,
                "PUT /api/v1/users/me/avatar HTTP/1.1\r\nAuthorization: Bearer " + acmeAdmin
                        + "\r\nContent-Type: multipart/form-data",
                "--x\r\nContent-Disposition: form-data; name=\"avatar\"\r\n\r\nabc\r\n--x--\r\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("malformed-multipart");
    }

    @Test
    void nulInAnUploadedFileNameIsRefusedNamingThePart() {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a\u0000.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\nabc\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send(
                port,
                "PUT /api/v1/users/me/avatar HTTP/1.1\r\nAuthorization: Bearer " + acmeAdmin
                        + "\r\nContent-Type: multipart/form-data; boundary=b",
                body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("\"field\":\"filename\"");
    }

    @Test
    void springRefusalsHaveStableTypesAndPlainWords() {
        Api.Reply wrongMethod = api.send(HttpMethod.PATCH, "/api/v1/users/me/avatar", acmeAdmin, Map.of());
        RawHttp.Response wrongType = RawHttp.send(
                port,
                "POST /api/v1/portal/" + acme.slug() + "/tickets HTTP/1.1\r\nContent-Type: application/x-unknown",
                "x".getBytes(StandardCharsets.UTF_8));
        Api.Reply notANumber = api.get("/api/v1/tickets/abc", acmeAdmin);
        Api.Reply noSuchRoute = api.get("/api/v1/no-such-thing", acmeAdmin);

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body().get("type").asString()).endsWith("/method-not-allowed");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.body()).contains("/unsupported-media-type");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().get("detail").asString()).isEqualTo("id must be a whole number");
        assertThat(noSuchRoute.status()).isEqualTo(404);
        assertThat(noSuchRoute.body().get("type").asString()).endsWith("/not-found");
    }

    @Test
    void bodyLargerThanAllowedIsAProblem() {
        byte[] big = new byte[22 * 1024 * 1024];
        Api.Reply reply = api.upload(
                HttpMethod.PUT,
                "/api/v1/users/me/avatar",
                acmeAdmin,
                "avatar",
                "a.png",
                MediaType.IMAGE_PNG,
                big,
                Map.of());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType().toString()).startsWith("application/problem+json");
    }
}
