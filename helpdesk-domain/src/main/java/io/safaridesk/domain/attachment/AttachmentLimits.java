package io.safaridesk.domain.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code safaridesk.tickets.attachments.max-size}: the largest file a ticket takes (default 10MB). The servlet's
 * multipart limit ({@code spring.servlet.multipart.max-file-size}) must be larger, so that the API answers with a
 * problem naming the field.
 */
@ConfigurationProperties("safaridesk.tickets.attachments")
public record AttachmentLimits(@DefaultValue("10MB") DataSize maxSize) {}
