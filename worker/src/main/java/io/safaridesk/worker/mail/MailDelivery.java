package io.safaridesk.worker.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.safaridesk.domain.mail.MailOrigin;
import io.safaridesk.platform.observability.TraceCarrier;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mail from {@code platform.mail_outbox}. A batch is claimed with {@code for update skip locked} (so no two
 * senders ever hold the same mail), sent over one SMTP connection per server, and each row marked sent, or, when the
 * server refused or was unreachable, given its next try after a growing delay. Nothing is dropped: a mail stays
 * pending until a server accepts it; only an address the server rejects for good marks it failed. A crash between the
 * server's acceptance and the commit is the one case that sends a mail twice. Each mail's {@code smtp send} span
 * continues the trace stored when it was queued; {@code safaridesk.mail.sent} counts the outcomes.
 */
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Session SESSION = Session.getInstance(new Properties());

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MailTransports transports;
    private final MailProperties properties;
    private final Clock clock;
    private final MailOrigin origin;
    private final TraceCarrier traces;
    private final MeterRegistry meters;

    public MailDelivery(
            DataSource dataSource,
            MailTransports transports,
            MailProperties properties,
            Clock clock,
            MailOrigin origin,
            TraceCarrier traces,
            MeterRegistry meters) {
        this.origin = origin;
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transports = transports;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
        this.meters = meters;
    }

    record Pending(
            UUID id,
            String tenantSlug,
            String messageId,
            String fromAddress,
            String fromName,
            String recipient,
            String replyTo,
            String subject,
            String bodyText,
            String bodyHtml,
            String inReplyTo,
            String referencesIds,
            boolean autoSubmitted,
            int attempts,
            String traceContext) {}

    /** Sends one batch of due mail; answers how many were sent. */
    public int deliverDue() {
        Integer sent = transaction.execute(status -> {
            List<Pending> due = jdbc.sql("select id, tenant_slug, message_id, from_address, from_name, recipient,"
                            + " reply_to, subject, body_text, body_html, in_reply_to, references_ids, auto_submitted,"
                            + " attempts, trace_context::text as trace_context from platform.mail_outbox where status = 'PENDING' and next_attempt_at <= ?"
                            + " order by next_attempt_at limit ? for update skip locked")
                    .params(Timestamp.from(clock.instant()), properties.batchSize())
                    .query(Pending.class)
                    .list();
            int delivered = 0;
            Map<String, List<Pending>> byWorkspace = due.stream()
                    .collect(Collectors.groupingBy(
                            mail -> mail.tenantSlug() == null ? "" : mail.tenantSlug(),
                            LinkedHashMap::new,
                            Collectors.toList()));
            for (List<Pending> mails : byWorkspace.values()) {
                delivered += send(mails);
            }
            return delivered;
        });
        return sent == null ? 0 : sent;
    }

    /** Delivers until nothing due is left or a batch fails entirely; answers how many were sent. */
    public int drain() {
        int total = 0;
        int batch;
        do {
            batch = deliverDue();
            total += batch;
        } while (batch > 0);
        return total;
    }

    private int send(List<Pending> mails) {
        String slug = mails.getFirst().tenantSlug();
        JavaMailSender sender;
        List<MimeMessage> messages = new ArrayList<>();
        try {
            Optional<JavaMailSender> found =
                    slug == null ? Optional.of(transports.platform()) : transports.forWorkspace(TenantSlug.of(slug));
            if (found.isEmpty()) {
                mails.forEach(mail -> failForGood(mail, "workspace " + slug + " no longer exists"));
                return 0;
            }
            sender = found.get();
            for (Pending mail : mails) {
                messages.add(mime(mail));
            }
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            mails.forEach(mail -> retryLater(mail, e));
            return 0;
        }
        List<Span> spans = mails.stream()
                .map(mail -> traces.continueFrom(mail.traceContext(), "smtp send", Span.Kind.CLIENT)
                        .tag("mail.kind", "smtp"))
                .toList();
        Map<Object, Exception> failed = Map.of();
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
            if (failed.isEmpty()) {
                failed = allFailed(messages, e);
            }
        } catch (MailException e) {
            failed = allFailed(messages, e);
        }
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            Exception failure = failed.get(messages.get(i));
            Span span = spans.get(i);
            if (failure != null) {
                span.error(failure);
            }
            span.end();
            if (failure == null) {
                count("sent");
                sent.add(mails.get(i).id());
            } else if (failure instanceof SendFailedException rejected
                    && rejected.getInvalidAddresses() != null
                    && rejected.getInvalidAddresses().length > 0) {
                failForGood(mails.get(i), String.valueOf(failure.getMessage()));
            } else {
                retryLater(mails.get(i), failure);
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("update platform.mail_outbox set status = 'SENT', sent_at = :at, attempts = attempts + 1,"
                            + " last_error = null where id in (:ids)")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("ids", sent)
                    .update();
        }
        return sent.size();
    }

    private static Map<Object, Exception> allFailed(List<MimeMessage> messages, Exception e) {
        Map<Object, Exception> failed = new IdentityHashMap<>();
        messages.forEach(message -> failed.put(message, e));
        return failed;
    }

    private void count(String outcome) {
        meters.counter("safaridesk.mail.sent", "outcome", outcome).increment();
    }

    private void failForGood(Pending mail, String reason) {
        log.error("Mail {} to {} failed for good: {}", mail.messageId(), mail.recipient(), reason);
        count("rejected");
        jdbc.sql(
                        "update platform.mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                .params(reason, mail.id())
                .update();
    }

    private void retryLater(Pending mail, Exception failure) {
        count("deferred");
        int attempts = mail.attempts() + 1;
        Instant next = clock.instant().plus(properties.backoff(attempts));
        log.warn(
                "Mail {} not delivered (attempt {}), next try at {}: {}",
                mail.messageId(),
                attempts,
                next,
                failure.toString());
        jdbc.sql("update platform.mail_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Timestamp.from(next), failure.toString(), mail.id())
                .update();
    }

    private MimeMessage mime(Pending mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StoredIdMessage(SESSION, mail.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mail.fromAddress(), mail.fromName());
        helper.setTo(mail.recipient());
        if (mail.replyTo() != null) {
            helper.setReplyTo(mail.replyTo());
        }
        helper.setSubject(mail.subject());
        helper.setText(mail.bodyText(), mail.bodyHtml());
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (mail.referencesIds() != null) {
            message.setHeader("References", mail.referencesIds());
        }
        if (mail.autoSubmitted()) {
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        if (mail.tenantSlug() != null) {
            message.setHeader("X-SafariDesk-Workspace", mail.tenantSlug());
            message.setHeader(MailOrigin.HEADER, origin.sign(TenantSlug.of(mail.tenantSlug()), mail.autoSubmitted()));
        }
        return message;
    }

    /** Keeps the Message-ID that was stored when the mail was queued (JavaMail would make a new one on save). */
    private static final class StoredIdMessage extends MimeMessage {
        private final String messageId;

        StoredIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
