package io.safaridesk.platform.ratelimit;

import io.safaridesk.platform.error.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Rate limits on anonymous doors, shared by every instance: one token bucket per limit and limited value in
 * {@code platform.rate_limit_buckets}, taken and refilled in a single atomic statement. A request over the limit is
 * 429 with {@code Retry-After} and the IETF {@code RateLimit-Policy} and {@code RateLimit} fields; a request within it
 * carries those fields too.
 */
public class RateLimiter {

    private static final String TAKE = """
            insert into platform.rate_limit_buckets as b (key, tokens, allowed, refilled_at)
            values (:key, :capacity - 1, true, :now)
            on conflict (key) do update set
                tokens = case when least(:capacity, b.tokens + greatest(0, extract(epoch from (:now - b.refilled_at))) * :rate) >= 1
                              then least(:capacity, b.tokens + greatest(0, extract(epoch from (:now - b.refilled_at))) * :rate) - 1
                              else least(:capacity, b.tokens + greatest(0, extract(epoch from (:now - b.refilled_at))) * :rate) end,
                allowed = least(:capacity, b.tokens + greatest(0, extract(epoch from (:now - b.refilled_at))) * :rate) >= 1,
                refilled_at = :now
            returning tokens, allowed
            """;

    private final JdbcClient jdbc;
    private final RateLimitProperties properties;
    private final Clock clock;

    public RateLimiter(JdbcClient jdbc, RateLimitProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes one request of limit {@code name} for {@code value}; throws {@link TooManyRequests} when none is left. */
    public void take(String name, String value) {
        RateLimitProperties.Limit limit = properties.limit(name);
        double rate = limit.capacity() / (limit.period().toNanos() / 1e9);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Bucket bucket = jdbc.sql(TAKE)
                .param("key", key(name, value))
                .param("capacity", (double) limit.capacity())
                .param("rate", rate)
                .param("now", now)
                .query((rs, row) -> new Bucket(rs.getDouble("tokens"), rs.getBoolean("allowed")))
                .single();
        if (ThreadLocalRandom.current().nextInt(1000) == 0) {
            jdbc.sql("delete from platform.rate_limit_buckets where refilled_at < :before")
                    .param("before", now.minusDays(1))
                    .update();
        }
        Duration untilNext = Duration.ofNanos((long) Math.ceil(Math.max(0, 1 - bucket.tokens()) / rate * 1e9));
        Duration untilFull = Duration.ofNanos((long) Math.ceil((limit.capacity() - bucket.tokens()) / rate * 1e9));
        Map<String, String> fields = Map.of(
                "RateLimit-Policy", "\"" + name + "\";q=" + limit.capacity() + ";w=" + seconds(limit.period()),
                "RateLimit", "\"" + name + "\";r=" + (long) Math.floor(bucket.tokens()) + ";t=" + seconds(untilFull));
        if (!bucket.allowed()) {
            throw new TooManyRequests(untilNext, fields);
        }
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        HttpServletResponse response = request == null ? null : request.getResponse();
        if (response != null) {
            fields.forEach(response::setHeader);
        }
    }

    /** Gives back the request just taken (a login that succeeded costs nothing: only failures count). */
    public void giveBack(String name, String value) {
        RateLimitProperties.Limit limit = properties.limit(name);
        jdbc.sql("update platform.rate_limit_buckets set tokens = least(:capacity, tokens + 1) where key = :key")
                .param("capacity", (double) limit.capacity())
                .param("key", key(name, value))
                .update();
    }

    private record Bucket(double tokens, boolean allowed) {}

    private static byte[] key(String name, String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((name + "\n" + value.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(Duration duration) {
        return Math.max(0, (duration.toMillis() + 999) / 1000);
    }

    /** Over the limit: 429 with Retry-After (whole seconds, at least one) and the RateLimit fields. */
    public static final class TooManyRequests extends ApiProblem {
        private final Map<String, String> headers;

        TooManyRequests(Duration retryAfter, Map<String, String> fields) {
            super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests; try again later");
            this.headers = new java.util.HashMap<>(fields);
            this.headers.put("Retry-After", Long.toString(Math.max(1, seconds(retryAfter))));
        }

        @Override
        public Map<String, String> headers() {
            return Map.copyOf(headers);
        }
    }
}
