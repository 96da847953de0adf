package io.safaridesk.domain.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery, the operator's settings. Safe by default: only {@code https} targets and only public addresses
 * (checked on the resolved address when sending); {@code allowHttp} and {@code allowPrivateTargets} are for local
 * receivers (tests, development). A delivery is tried at once, then after each of {@code retryDelays} (the Standard
 * Webhooks schedule: about 27 hours in all) before it fails for good and its subscription is disabled.
 */
@ConfigurationProperties("safaridesk.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration responseTimeout,
        @DefaultValue("65536") int maxResponseBytes,
        @DefaultValue("5s,5m,30m,2h,5h,10h,10h") List<Duration> retryDelays,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("20") int batchSize) {

    /** The wait after the {@code attempts}-th failed try, or null when that was the last one. */
    public Duration retryAfter(int attempts) {
        return attempts <= retryDelays.size() ? retryDelays.get(attempts - 1) : null;
    }
}
