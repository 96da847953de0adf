package io.safaridesk.domain.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code safaridesk.exports}: {@code downloadBaseUrl} is the helpdesk API's public address the download links point
 * at; a ready file stays downloadable for {@code retention} (the link's lifetime too), then it is deleted; an export
 * may name at most {@code maxTicketIds} tickets; the worker reads rows {@code fetchSize} at a time; a run that has not
 * finished after {@code staleAfter} (a worker that died) is marked failed.
 */
@ConfigurationProperties("safaridesk.exports")
public record ExportProperties(
        @DefaultValue("http://127.0.0.1:8080") String downloadBaseUrl,
        @DefaultValue("48h") Duration retention,
        @DefaultValue("10000") int maxTicketIds,
        @DefaultValue("1000") int fetchSize,
        @DefaultValue("1h") Duration staleAfter) {

    public ExportProperties {
        downloadBaseUrl = downloadBaseUrl.endsWith("/")
                ? downloadBaseUrl.substring(0, downloadBaseUrl.length() - 1)
                : downloadBaseUrl;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("safaridesk.exports.retention must be positive");
        }
        if (fetchSize < 1 || maxTicketIds < 1) {
            throw new IllegalArgumentException("safaridesk.exports fetch-size and max-ticket-ids must be positive");
        }
    }
}
