package io.safaridesk.helpdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key, in memory: {@code capacity} tokens that refill evenly over {@code period}. Per process:
 * with several instances, each counts on its own (a client gets at most instances x capacity).
 */
final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final Duration period;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, Duration period, Clock clock) {
        this.capacity = capacity;
        this.period = period;
        this.clock = clock;
    }

    private record Bucket(double tokens, Instant at) {}

    /** Takes a token for {@code key}; when none is left, answers how long until one is. */
    Optional<Duration> take(String key) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= capacity);
        }
        double[] left = new double[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? capacity : refilled(bucket, now);
            left[0] = tokens;
            return new Bucket(tokens >= 1 ? tokens - 1 : tokens, now);
        });
        if (left[0] >= 1) {
            return Optional.empty();
        }
        double nanosPerToken = (double) period.toNanos() / capacity;
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - left[0]) * nanosPerToken)));
    }

    private double refilled(Bucket bucket, Instant now) {
        double elapsed = Duration.between(bucket.at(), now).toNanos();
        return Math.min(capacity, bucket.tokens() + elapsed * capacity / period.toNanos());
    }
}
