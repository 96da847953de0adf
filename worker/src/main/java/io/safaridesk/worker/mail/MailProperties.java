package io.safaridesk.worker.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound mail: the platform's sender and support address (the Reply-To's base, plus-addressed per ticket) for
 * workspaces that set none, and how undelivered mail is retried: after {@code retryInitial}, doubling up to
 * {@code retryMax}, for as long as it takes. {@code appUrl} is the web app's address that ticket links in mail point
 * to ({@code <appUrl>/tickets/<id>} for staff, {@code <appUrl>/portal/<workspace>/tickets/<id>} for requesters).
 * {@code acknowledgementWindow}: an address acknowledged within it gets no second acknowledgement of a ticket opened
 * by mail (zero: always acknowledge), so that a loop with a helpdesk that answers every mail stops after one round.
 */
@ConfigurationProperties("safaridesk.mail")
public record MailProperties(
        @DefaultValue("no-reply@safaridesk.local") String from,
        @DefaultValue("support@safaridesk.local") String supportAddress,
        @DefaultValue("50") int batchSize,
        @DefaultValue("5s") Duration retryInitial,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("http://127.0.0.1:8080") String appUrl,
        @DefaultValue("10m") Duration acknowledgementWindow) {

    /** The wait after the {@code attempts}-th failed try. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = retryInitial.multipliedBy(factor);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
