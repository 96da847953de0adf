package io.safaridesk.provisioning.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.Mailbox;
import io.safaridesk.platform.testing.MutableClock;
import io.safaridesk.platform.testing.TestHttp;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.platform.testing.WireStatements;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
        return post(path, body, Map.of());
    }

    private Reply post(String path, Map<String, ?> body, Map<String, String> headers) {
        return http.post()
                .uri(path)
                .headers(h -> headers.forEach(h::set))
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
        assertThat(locked.status()).isEqualTo(422);
        assertThat(locked.body().get("errors").get(0).get("reason").asString()).isEqualTo(SignUp.CODE_REFUSED);
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
    void aNewCodeIsMailedOnceAMinuteAndTheLimitIsTheSameForSlugsThatDoNotExist() throws Exception {
        register();
        emailedCode();
        clock.advance(Duration.ofMinutes(2));

        Reply resent = post("/api/v1/auth/resend-otp", Map.of("slug", slug));
        Reply tooSoon = post("/api/v1/auth/resend-otp", Map.of("slug", slug));
        Reply unknown = post("/api/v1/auth/resend-otp", Map.of("slug", "nobody-" + slug));
        Reply unknownTooSoon = post("/api/v1/auth/resend-otp", Map.of("slug", "nobody-" + slug));

        assertThat(resent.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknownTooSoon.status()).isEqualTo(429);
        assertThat(unknownTooSoon.body().get("type")).isEqualTo(tooSoon.body().get("type"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.subjects("admin@" + slug + ".test").size() == 2);
    }

    @Test
    void resendAnswersAlikeForUnknownVerifiedAndActiveSignUpsAndMailsNoOne() throws Exception {
        register();
        post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", emailedCode()));
        clock.advance(Duration.ofMinutes(2));

        Reply verified = post("/api/v1/auth/resend-otp", Map.of("slug", slug));
        Reply unknown = post("/api/v1/auth/resend-otp", Map.of("slug", "nobody-" + slug));

        assertThat(verified.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(verified.body()).isNull();
        assertThat(unknown.body()).isNull();
        Thread.sleep(2_000); // a resend goes out after the answer: give a wrong one time to arrive
        assertThat(Mailbox.subjects("admin@" + slug + ".test")).hasSize(1);
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
    void aCodeForAnUnknownSignUpIsRefusedExactlyLikeAWrongOneWithTheSameStatements() {
        register();
        String code = emailedCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        post("/api/v1/auth/register", registration("ver-" + slug, "ver-" + slug + ".test", "x@ver-" + slug + ".test"));

        Reply known = post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", wrong));
        Reply unknown = post("/api/v1/auth/verify-otp", Map.of("slug", "nobody-" + slug, "code", wrong));
        Reply locked = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            locked = post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", wrong));
        }
        Reply otherSignUp = post("/api/v1/auth/verify-otp", Map.of("slug", "ver-" + slug, "code", "123456"));

        for (Reply reply : List.of(known, unknown, locked, otherSignUp)) {
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(withoutInstance(reply.body())).isEqualTo(withoutInstance(known.body()));
        }

        // the same statements run either way, so the time does not tell them apart either
        List<String> knownStatements;
        List<String> unknownStatements;
        try (WireStatements wire = WireStatements.recording(t -> t.getName().startsWith("tomcat-handler"))) {
            post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", wrong));
            knownStatements = wire.statements();
            wire.reset();
            post("/api/v1/auth/verify-otp", Map.of("slug", "nobody-" + slug, "code", wrong));
            unknownStatements = wire.statements();
        }
        assertThat(unknownStatements).hasSameSizeAs(knownStatements).hasSizeGreaterThanOrEqualTo(3);
        List<Long> knownNanos = new java.util.ArrayList<>();
        List<Long> unknownNanos = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            knownNanos.add(timed(() -> post("/api/v1/auth/verify-otp", Map.of("slug", slug, "code", wrong))));
            unknownNanos.add(
                    timed(() -> post("/api/v1/auth/verify-otp", Map.of("slug", "nobody-" + slug, "code", wrong))));
        }
        System.out.printf(
                "verify-otp refusal: %d statements either way; median of 15: known sign-up %d µs, unknown %d µs%n",
                knownStatements.size(), median(knownNanos) / 1_000, median(unknownNanos) / 1_000);
    }

    @Test
    void verifyDomainNeedsTheStatusTokenAndIsOne404WithoutIt() {
        Reply registered = register();
        String token = registered.body().get("status_token").asString();

        Reply anonymous = post("/api/v1/auth/verify-domain", Map.of("slug", slug));
        Reply unknown = post("/api/v1/auth/verify-domain", Map.of("slug", "nobody-" + slug));
        Reply forged = post("/api/v1/auth/verify-domain", Map.of("slug", slug), Map.of("X-Signup-Token", "x" + token));
        Reply withToken = post("/api/v1/auth/verify-domain", Map.of("slug", slug), Map.of("X-Signup-Token", token));

        for (Reply reply : List.of(anonymous, unknown, forged)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(reply.body().get("type")).isEqualTo(unknown.body().get("type"));
            assertThat(reply.body().has("business_name")).isFalse();
        }
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.body().get("domain").get("verified").asBoolean()).isFalse();
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void seedPathsAnswerWithATrailingSlashToo() {
        Reply reply = post("/api/v1/auth/register/", registration(slug, slug + ".test", "admin@" + slug + ".test"));

        assertThat(reply.status()).isEqualTo(201);
    }
}
