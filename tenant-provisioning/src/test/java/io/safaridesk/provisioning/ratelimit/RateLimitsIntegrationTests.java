package io.safaridesk.provisioning.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.ratelimit.RateLimitProperties;
import io.safaridesk.platform.ratelimit.RateLimiter;
import io.safaridesk.platform.testing.MutableClock;
import io.safaridesk.platform.testing.RawHttp;
import io.safaridesk.platform.testing.TestHttp;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on the anonymous doors: shared by every instance (two limiters on one database count together), 429
 * with Retry-After and the RateLimit fields, the client address from trusted proxies only, and a login limit that
 * trips before Keycloak's lockout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
class RateLimitsIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RateLimitProperties configured;

    @Test
    void twoInstancesShareOneBucketThatRefillsOverItsPeriod() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
        RateLimitProperties three =
                new RateLimitProperties(Map.of("test", new RateLimitProperties.Limit(3, Duration.ofMinutes(3))));
        RateLimiter first = new RateLimiter(jdbc, three, clock);
        RateLimiter second = new RateLimiter(jdbc, three, clock);
        String key = UUID.randomUUID().toString();

        first.take("test", key);
        second.take("test", key);
        first.take("test", key);
        assertThatThrownBy(() -> second.take("test", key))
                .isInstanceOfSatisfying(RateLimiter.TooManyRequests.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(429);
                    assertThat(refused.headers()).containsEntry("Retry-After", "60");
                    assertThat(refused.headers()).containsEntry("RateLimit-Policy", "\"test\";q=3;w=180");
                    assertThat(refused.headers().get("RateLimit")).startsWith("\"test\";r=0;");
                });

        clock.advance(Duration.ofSeconds(61));
        first.take("test", key);
        assertThatThrownBy(() -> first.take("test", key)).isInstanceOf(RateLimiter.TooManyRequests.class);

        second.giveBack("test", key);
        first.take("test", key);
    }

    @Test
    void loginFailuresPerAddressEndIn429WithRetryAfterAndRateLimitFields() {
        String address = TestHttp.freshClientAddress();
        int capacity = configured.rateLimits().get("login-address").capacity();
        RawHttp.Response last = null;
        for (int i = 0; i <= capacity; i++) {
            last = login("no-such-" + UUID.randomUUID().toString().substring(0, 8), "x" + i + "@example.test", address);
            if (i < capacity) {
                assertThat(last.status()).isEqualTo(401);
                assertThat(last.headers()).containsKey("ratelimit");
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.isProblem()).isTrue();
        assertThat(last.body()).contains("/too-many-requests");
        assertThat(Long.parseLong(last.headers().get("retry-after"))).isPositive();
        assertThat(last.headers().get("ratelimit-policy")).startsWith("\"login-address\";q=" + capacity);
    }

    @Test
    void loginFailuresPerAccountAreCountedWhateverTheAddress() {
        String workspace = "no-such-" + UUID.randomUUID().toString().substring(0, 8);
        int capacity = configured.rateLimits().get("login-account").capacity();
        for (int i = 0; i < capacity; i++) {
            assertThat(login(workspace, "victim@example.test", TestHttp.freshClientAddress())
                            .status())
                    .isEqualTo(401);
        }
        RawHttp.Response limited = login(workspace, "Victim@Example.test", TestHttp.freshClientAddress());
        assertThat(limited.status()).isEqualTo(429);
        // another account of the same workspace is not affected
        assertThat(login(workspace, "other@example.test", TestHttp.freshClientAddress())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        // the test's connections come from 127.0.0.1, a trusted proxy: its X-Forwarded-For names the client. Had the
        // header been taken from anyone, each forged address would get a fresh bucket; here the same right-most
        // untrusted hop is used whatever is written left of it
        String client = TestHttp.freshClientAddress();
        int capacity = configured.rateLimits().get("signup-check-address").capacity();
        RawHttp.Response last = null;
        for (int i = 0; i <= capacity; i++) {
            last = RawHttp.send(
                    port,
                    "GET /api/v1/auth/workspaces/no-such-one HTTP/1.1\r\nX-Forwarded-For: 10.9.8." + (i % 250) + ", "
                            + client);
        }
        assertThat(last.status()).isEqualTo(429);
    }

    @Test
    void theProductsLoginLimitTripsBeforeKeycloaksLockout() throws Exception {
        JsonNode realm;
        try (InputStream template = getClass().getResourceAsStream("/io/safaridesk/keycloak/realm-template.json")) {
            realm = JsonMapper.shared().readTree(template);
        }
        RateLimitProperties.Limit perAccount = configured.rateLimits().get("login-account");
        long window = realm.get("maxDeltaTimeSeconds").asLong();
        // the most failures one account can make through our door within Keycloak's failure window: a full bucket
        // plus what refills during the window
        double reachable = perAccount.capacity()
                + (double) window * perAccount.capacity() / perAccount.period().toSeconds();

        assertThat(realm.get("permanentLockout").asBoolean()).isFalse();
        assertThat(reachable).isLessThan(realm.get("failureFactor").asInt());
        assertThat(realm.get("maxFailureWaitSeconds").asInt()).isLessThanOrEqualTo(300);
    }

    /** An address no earlier run used: buckets live in the database and outlive a run. */
    private RawHttp.Response login(String workspace, String email, String forwardedFor) {
        return RawHttp.send(
                port,
                "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nX-Forwarded-For: "
                        + forwardedFor,
                ("{\"workspace\":\"" + workspace + "\",\"email\":\"" + email + "\",\"password\":\"Wrong-Horse-1\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
