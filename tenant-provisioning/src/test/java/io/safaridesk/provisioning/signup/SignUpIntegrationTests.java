package io.safaridesk.provisioning.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.Mailbox;
import io.safaridesk.platform.testing.MutableClock;
import io.safaridesk.platform.testing.TestHttp;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "safaridesk.domain-verification.allow-test-domains=true",
            "safaridesk.provisioning.runner-enabled=false"
        })
@ContextConfiguration(initializers = TestServicesInitializer.class)
class SignUpIntegrationTests {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @TestConfiguration
    static class ControlledTime {
        @Bean
        @Primary
        MutableClock clock() {
            return MutableClock.startingNow();
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    RestClient http;
    String slug;

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
        slug = "signup-" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Reply(int status, MediaType type, JsonNode body) {
        String field() {
            return body.get("errors").get(0).get("field").asString();
        }
    }

    private Reply post(String path, Map<String, ?> body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    return new Reply(
                            response.getStatusCode().value(),
                            response.getHeaders().getContentType(),
                            bytes.length == 0 ? null : JsonMapper.shared().readTree(bytes));
                });
    }

    private Map<String, Object> registration(String slug, String domain, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("business_name", "Safari Tours " + slug);
        body.put("slug", slug);
        body.put("domain", domain);
        body.put("admin_name", "Ada Admin");
        body.put("admin_email", email);
        body.put("admin_password", "Correct-Horse-9");
        return body;
    }

    private Reply register() {
        return post("/api/v1/auth/register", registration(slug, slug + ".test", "admin@" + slug + ".test"));
    }

    private String emailedCode() {
        String subject = Mailbox.awaitSubject("admin@" + slug + ".test", s -> s.contains("sign-up code"));
        Matcher matcher = CODE.matcher(subject);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private long tenantCount() {
        return jdbc.sql("select count(*) from platform.tenants")
                .query(Long.class)
                .single();
    }

    @Test
    void registeringCreatesAPendingWorkspaceEmailsACodeAndStoresOnlyItsHash() {
        Reply registered = register();

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().get("status").asString()).isEqualTo("PENDING");
        JsonNode dns = registered.body().get("domain").get("dns_record");
        assertThat(dns.get("name").asString()).isEqualTo("_safaridesk-challenge." + slug + ".test");
        assertThat(dns.get("type").asString()).isEqualTo("TXT");
        assertThat(dns.get("value").asString()).startsWith("safaridesk-verification=");
        String code = emailedCode();
        String stored = jdbc.sql("select v.code_hash from platform.email_verifications v join platform.tenants t on"
                        + " t.id = v.tenant_id where t.slug = ?")
                .param(slug)
                .query(String.class)
                .single();
        assertThat(stored).isNotEqualTo(code).doesNotContain(code);
        String credential = jdbc.sql("select admin_password_credential from platform.tenants where slug = ?")
                .param(slug)
                .query(String.class)
                .single();
        assertThat(credential).doesNotContain("Correct-Horse-9");
    }

    @Test
    void theRightCodeVerifiesTheEmailOnce() {
        register();
        Reply verified = post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", emailedCode()));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("email_verified").asBoolean()).isTrue();
        assertThat(verified.body().get("status").asString()).isEqualTo("PENDING"); // the domain is still unproven
    }

    @Test
    void wrongCodesAre422AndAfterFiveEvenTheRightOneIsRefused() {
        register();
        String code = emailedCode();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= 5; attempt++) {
            Reply reply = post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", wrong));
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(reply.field()).isEqualTo("code");
        }
        Reply locked = post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", code));
        assertThat(locked.status()).isEqualTo(429);
    }

    @Test
    void anExpiredCodeIs422AndANewOneCanBeAskedFor() {
        register();
        String code = emailedCode();
        clock.advance(Duration.ofMinutes(11));

        Reply expired = post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", code));
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.body().get("errors").get(0).get("reason").asString()).contains("expired");

        assertThat(post("/api/v1/auth/resend-otp", Map.of("slug", slug)).status())
                .isEqualTo(202);
    }

    @Test
    void newCodesAreRateLimited() {
        register();

        Reply tooSoon = post("/api/v1/auth/resend-otp", Map.of("slug", slug));

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Acme",
                "acme;drop schema x",
                "../x",
                "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01",
                "platform",
                "public",
                "admin"
            })
    void badSlugsAre422AndCreateNothing(String badSlug) {
        long before = tenantCount();

        Reply reply = post("/api/v1/auth/register", registration(badSlug, slug + ".test", "admin@" + slug + ".test"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.field()).isEqualTo("slug");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@", "@b.test", "two@@b.test", ""})
    void badEmailsAre400AndCreateNothing(String badEmail) {
        long before = tenantCount();

        Reply reply = post("/api/v1/auth/register", registration(slug, slug + ".test", badEmail));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.field()).isEqualTo("admin_email");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "outlook.com", "not a domain", "localhost", "10.0.0.1"})
    void freeMailAndMalformedDomainsAre422(String domain) {
        Reply reply = post("/api/v1/auth/register", registration(slug, domain, "admin@" + slug + ".test"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.field()).isEqualTo("domain");
    }

    @Test
    void aShortPasswordIs400() {
        Map<String, Object> body = registration(slug, slug + ".test", "admin@" + slug + ".test");
        body.put("admin_password", "short");

        Reply reply = post("/api/v1/auth/register", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.field()).isEqualTo("admin_password");
    }

    @Test
    void aTakenSlugIs409() {
        register();

        Reply again = post("/api/v1/auth/register", registration(slug, "other-" + slug + ".test", "x@other.test"));

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void unknownWorkspacesAre404() {
        Reply reply = post("/api/v1/auth/verify-otp", Map.of("slug", "nobody-" + slug, "code", "123456"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void seedPathsAnswerWithATrailingSlashToo() {
        Reply reply = post("/api/v1/auth/register/", registration(slug, slug + ".test", "admin@" + slug + ".test"));

        assertThat(reply.status()).isEqualTo(201);
    }
}
