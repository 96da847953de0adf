package io.safaridesk.helpdesk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The caller's own profile on a real workspace, for agents and customers alike. */
class ProfileIntegrationTests extends TwoWorkspaceApiTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void theFirstReadMakesTheProfileFromTheTokenAndLinksKeycloaksAccountConsole() {
        TestWorkspace.User agent = acme.addUser("agent");

        Api.Reply me = api.get("/api/v1/users/me/", acme.token(agent));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(agent.username());
        assertThat(me.text("name")).isEqualTo("agent Tester");
        assertThat(me.text("availability")).isEqualTo("available");
        assertThat(me.text("account_url")).isEqualTo(acme.issuer() + "/account");
    }

    @Test
    void aCustomerReadsAndChangesOnlyTheirOwnProfileWithTheSignatureSanitised() {
        String customer = acme.token(acme.addUser("customer"));
        String other = acme.token(acme.addUser("customer"));

        Api.Reply updated = api.send(
                HttpMethod.PUT,
                "/api/v1/users/update/",
                customer,
                Map.of(
                        "name", "Kamau Customer",
                        "phone", "+254700000000",
                        "signature", "<b>Kamau</b><script>alert(1)</script><img src=x onerror=alert(2)>",
                        "availability", "away",
                        "time_zone", "Africa/Nairobi",
                        "language", "sw-KE"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("signature")).contains("<b>Kamau</b>").doesNotContain("script", "onerror");
        Api.Reply reread = api.get("/api/v1/users/me", customer);
        assertThat(reread.text("name")).isEqualTo("Kamau Customer");
        assertThat(reread.text("time_zone")).isEqualTo("Africa/Nairobi");
        assertThat(reread.text("language")).isEqualTo("sw-KE");
        assertThat(reread.text("availability")).isEqualTo("away");
        assertThat(api.get("/api/v1/users/me", other).text("name")).isNotEqualTo("Kamau Customer");
    }

    @Test
    void anUnknownTimeZoneABadLanguageTagAndAnUnknownAvailabilityNameTheirFields() {
        String agent = acme.token(acme.addUser("agent"));

        assertThat(field(api.send(HttpMethod.PUT, "/api/v1/users/update", agent, Map.of("time_zone", "Mars/Olympus"))))
                .isEqualTo("time_zone");
        assertThat(field(api.send(HttpMethod.PUT, "/api/v1/users/update", agent, Map.of("language", "not a tag!"))))
                .isEqualTo("language");
        assertThat(field(api.send(HttpMethod.PUT, "/api/v1/users/update", agent, Map.of("availability", "asleep"))))
                .isEqualTo("availability");
    }

    @Test
    void anAvatarIsStoredAndServedBackWithItsSniffedType() {
        String agent = acme.token(acme.addUser("agent"));
        String globexAgent = globex.token(globex.addUser("agent"));

        Api.Reply uploaded = upload(agent, "me.jpg", MediaType.IMAGE_JPEG, PNG);

        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.text("avatar_url")).isEqualTo("/api/v1/users/me/avatar");
        Api.Download served = api.download("/api/v1/users/me/avatar", agent);
        assertThat(served.contentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(served.content()).isEqualTo(PNG);
        assertThat(api.get("/api/v1/users/me/avatar", globexAgent).status()).isEqualTo(404);
    }

    @Test
    void anAvatarOverOneMegabyteIsRefusedNamingTheField() {
        String agent = acme.token(acme.addUser("agent"));
        byte[] large = Arrays.copyOf(PNG, 1024 * 1024 + 1);

        Api.Reply refused = upload(agent, "big.png", MediaType.IMAGE_PNG, large);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("avatar");
    }

    @Test
    void aTextFileNamedPngIsRefusedAsNotAnImage() {
        String agent = acme.token(acme.addUser("agent"));

        Api.Reply refused =
                upload(agent, "evil.png", MediaType.IMAGE_PNG, "just text, honest".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("avatar");
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.PUT, "/api/v1/users/update", null, Map.of("name", "x"))
                        .status())
                .isEqualTo(401);
    }

    private Api.Reply upload(String token, String filename, MediaType type, byte[] content) {
        return api.upload("/api/v1/users/me/avatar", token, "avatar", filename, type, content);
    }

    private static String field(Api.Reply problem) {
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return problem.body().get("errors").get(0).get("field").asString();
    }
}
