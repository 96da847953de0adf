package io.safaridesk.helpdesk.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code safaridesk.portal.web-form}: how many tickets the anonymous web form takes per client IP address (over all
 * workspaces) and per email address (per workspace) within {@code period}. The client IP is the connection's, or the
 * {@code X-Forwarded-For} of a trusted proxy when {@code server.forward-headers-strategy} says so.
 */
@ConfigurationProperties("safaridesk.portal.web-form")
public record WebFormLimits(
        @DefaultValue("20") int perIp,
        @DefaultValue("5") int perEmail,
        @DefaultValue("PT1H") Duration period) {}
