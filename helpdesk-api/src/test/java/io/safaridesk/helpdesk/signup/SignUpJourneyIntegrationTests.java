package io.safaridesk.helpdesk.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.testing.Mailbox;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.platform.testing.Totp;
import io.safaridesk.provisioning.domain.Dnsmasq;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A business signs itself up and ends logged in to its own workspace: register, emailed code, DNS TXT proof on a real
 * DNS server, provisioning by the saga, admin login with password and OTP, then the helpdesk API knows the admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
class SignUpJourneyIntegrationTests {

    @Value("${local.server.port}")
    int helpdeskPort;

    @Test
    void aBusinessSignsUpProvesEmailAndDomainAndItsAdminLogsInWithOtp() {
        String slug = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = slug + ".test";
        String adminEmail = "owner@" + domain;
        Api provisioning = Api.at(TestWorkspaces.provisioningPort());
        Api helpdesk = Api.at(helpdeskPort);

        Api.Reply registered = provisioning.send(
                HttpMethod.POST,
                "/api/v1/auth/register",
                null,
                Map.of(
                        "business_name",
                        "Journey Safaris",
                        "slug",
                        slug,
                        "domain",
                        domain,
                        "admin_name",
                        "Wanjiru Owner",
                        "admin_email",
                        adminEmail,
                        "admin_password",
                        TestWorkspaces.PASSWORD));
        assertThat(registered.status()).isEqualTo(201);
        JsonNode dnsRecord = registered.body().get("domain").get("dns_record");
        String statusToken = registered.body().get("status_token").asString();
        Map<String, String> withToken = Map.of("X-Signup-Token", statusToken);
        // without the token the sign-up is indistinguishable from a workspace that does not exist
        Api.Reply anonymous = provisioning.get("/api/v1/auth/workspaces/" + slug, null);
        Api.Reply unknown = provisioning.get("/api/v1/auth/workspaces/no-such-" + slug, null);
        Api.Reply forged = provisioning.exchange(
                HttpMethod.GET,
                "/api/v1/auth/workspaces/" + slug,
                null,
                null,
                Map.of("X-Signup-Token", "x" + statusToken));
        assertThat(List.of(anonymous.status(), unknown.status(), forged.status()))
                .containsOnly(404);
        assertThat(anonymous.body().get("type")).isEqualTo(unknown.body().get("type"));
        assertThat(anonymous.body().has("business_name")).isFalse();
        assertThat(provisioning
                        .exchange(HttpMethod.GET, "/api/v1/auth/workspaces/" + slug, null, null, withToken)
                        .text("business_name"))
                .isEqualTo("Journey Safaris");

        Matcher code = Pattern.compile("(\\d{6})")
                .matcher(Mailbox.awaitSubject(adminEmail, subject -> subject.contains("sign-up code")));
        assertThat(code.find()).isTrue();
        Api.Reply emailVerified = provisioning.send(
                HttpMethod.POST, "/api/v1/auth/verify-otp/", null, Map.of("slug", slug, "code", code.group(1)));
        assertThat(emailVerified.status()).isEqualTo(200);

        Api.Reply notYet = provisioning.exchange(
                HttpMethod.POST, "/api/v1/auth/verify-domain", null, Map.of("slug", slug), withToken);
        assertThat(notYet.body().get("domain").get("verified").asBoolean()).isFalse();
        assertThat(notYet.body().get("status").asString()).isEqualTo("PENDING");

        TestWorkspaces.dns()
                .restartWith(Dnsmasq.txtRecord(
                        dnsRecord.get("name").asString(), dnsRecord.get("value").asString()));
        Api.Reply proven = provisioning.exchange(
                HttpMethod.POST, "/api/v1/auth/verify-domain", null, Map.of("slug", slug), withToken);
        assertThat(proven.body().get("domain").get("verified_by").asString()).isEqualTo("DNS_TXT");

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> provisioning
                        .exchange(HttpMethod.GET, "/api/v1/auth/workspaces/" + slug, null, null, withToken)
                        .text("status")
                        .equals("ACTIVE"));

        TestWorkspace workspace = TestWorkspaces.workspace(slug);
        TestWorkspace.User admin = workspace.admin();
        Api.Reply withoutOtp = provisioning.send(
                HttpMethod.POST,
                "/api/v1/auth/login",
                null,
                Map.of("workspace", slug, "email", adminEmail, "password", TestWorkspaces.PASSWORD));
        assertThat(withoutOtp.status()).isEqualTo(401);
        // the right password without the code answers exactly what a wrong password does: no password oracle
        assertThat(withoutOtp.text("type")).endsWith("/invalid-credentials");
        Api.Reply unknownWorkspace = provisioning.send(
                HttpMethod.POST,
                "/api/v1/auth/login",
                null,
                Map.of("workspace", "no-such-" + slug, "email", adminEmail, "password", "Wrong-Horse-1"));
        assertThat(unknownWorkspace.status()).isEqualTo(401);
        assertThat(unknownWorkspace.body()).isEqualTo(withoutOtp.body());
        // (a second failure within a second would trip brute-force protection: wrong passwords are tested in
        // KeycloakLoginIntegrationTests with users of their own)

        Api.Reply tokens = provisioning.send(
                HttpMethod.POST,
                "/api/v1/auth/login",
                null,
                Map.of(
                        "workspace",
                        slug,
                        "email",
                        adminEmail,
                        "password",
                        TestWorkspaces.PASSWORD,
                        "otp",
                        Totp.now(admin.otpSecret())));
        assertThat(tokens.status()).isEqualTo(200);

        Api.Reply me = helpdesk.get("/api/v1/me", tokens.text("access_token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("workspace")).isEqualTo(slug);
        assertThat(me.text("email")).isEqualTo(adminEmail);
        assertThat(me.body().get("roles").values())
                .extracting(JsonNode::asString)
                .contains("admin");
    }
}
