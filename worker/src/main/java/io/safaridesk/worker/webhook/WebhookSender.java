package io.safaridesk.worker.webhook;

import io.safaridesk.domain.webhook.WebhookProperties;
import io.safaridesk.domain.webhook.WebhookSignature;
import io.safaridesk.domain.webhook.WebhookTargets;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.platform.error.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts one signed webhook message: headers {@code webhook-id}, {@code webhook-timestamp} (the attempt's time) and
 * {@code webhook-signature}. The client resolves hosts only through {@link WebhookTargets}, so it never connects to an
 * address the operator did not allow, follows no redirect (a 3xx is a failed attempt), times out, and reads at most
 * the configured number of response bytes.
 */
@Component
class WebhookSender implements DisposableBean {

    static final int EXCERPT_CHARS = 1000;

    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final CloseableHttpClient client;

    WebhookSender(WebhookTargets targets, WebhookProperties properties, Clock clock) {
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return targets.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("SafariDesk-Webhooks/1")
                .build();
    }

    Webhooks.Attempt send(Webhooks.Due due) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        try {
            targets.check("url", due.url());
            HttpPost post = new HttpPost(due.url());
            post.setHeader("webhook-id", due.messageId());
            post.setHeader("webhook-timestamp", String.valueOf(at.getEpochSecond()));
            post.setHeader(
                    "webhook-signature",
                    WebhookSignature.sign(due.messageId(), at.getEpochSecond(), due.body(), due.secrets()));
            post.setEntity(new StringEntity(due.body(), ContentType.APPLICATION_JSON));
            return client.execute(post, response -> {
                String excerpt = null;
                if (response.getEntity() != null) {
                    try (InputStream body = response.getEntity().getContent()) {
                        byte[] read = body.readNBytes(properties.maxResponseBytes());
                        String text = new String(read, StandardCharsets.UTF_8);
                        excerpt = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
                    }
                }
                return new Webhooks.Attempt(at, response.getCode(), null, since(started), excerpt);
            });
        } catch (ApiProblem refused) {
            return new Webhooks.Attempt(at, null, "refused: " + refused.getMessage(), since(started), null);
        } catch (IOException | RuntimeException e) {
            return new Webhooks.Attempt(at, null, e.toString(), since(started), null);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
