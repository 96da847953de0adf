package io.safaridesk.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safaridesk.rate-limits.<name>.capacity} and {@code .period}: each named limit lets {@code capacity} requests
 * through at once and refills evenly over {@code period} (a token bucket), per limited value.
 */
@ConfigurationProperties("safaridesk")
public record RateLimitProperties(Map<String, Limit> rateLimits) {

    public RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /** One limit: {@code capacity} requests, refilled over {@code period} (at most a day). */
    public record Limit(int capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException(
                        "a rate limit needs a capacity of 1 or more and a period of up to a day");
            }
        }
    }

    Limit limit(String name) {
        Limit limit = rateLimits.get(name);
        if (limit == null) {
            throw new IllegalStateException("no rate limit safaridesk.rate-limits." + name + " is configured");
        }
        return limit;
    }
}
