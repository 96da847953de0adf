package io.safaridesk.worker.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.safaridesk.domain.inbound.InboundLog;
import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes in one raw mail read from a workspace's mailbox or from the platform's catch-all: finds its workspace, keeps
 * the raw MIME in the workspace's file store ({@code inbound/<date>/<uuid>.eml}), and hands it to
 * {@link MailIntake}. Nothing is lost and nothing blocks the mailbox: a mail that cannot be taken in is logged as
 * FAILED (raw kept), a duplicate as DUPLICATE, and catch-all mail naming no workspace is kept whole in
 * {@code platform.inbound_unroutable}.
 */
@Component
@EnableConfigurationProperties(InboundProperties.class)
class InboundMails {

    private static final Logger log = LoggerFactory.getLogger(InboundMails.class);

    private final MailIntake intake;
    private final InboundLog inboundLog;
    private final CatchAllRouting routing;
    private final RawMails raws;
    private final TenantSchemas schemas;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    InboundMails(
            MailIntake intake,
            InboundLog inboundLog,
            CatchAllRouting routing,
            RawMails raws,
            TenantSchemas schemas,
            DataSource dataSource,
            MeterRegistry meters) {
        this.intake = intake;
        this.inboundLog = inboundLog;
        this.routing = routing;
        this.raws = raws;
        this.schemas = schemas;
        this.jdbc = JdbcClient.create(dataSource);
        this.meters = meters;
    }

    /** Where a mail was read: a workspace's mailbox, or the catch-all ({@code workspace} and mailbox null). */
    record Source(TenantSlug workspace, Long mailboxId) {

        static Source catchAll() {
            return new Source(null, null);
        }
    }

    /** What became of a mail: the workspace (null when unroutable), the rule and the ticket. */
    record Result(TenantSlug workspace, InboundRule rule, Long ticketId) {}

    Result take(Source source, byte[] raw) {
        Result result = takeIn(source, raw);
        meters.counter(
                        "safaridesk.mail.received",
                        "rule",
                        result.rule() == null
                                ? "unroutable"
                                : result.rule().name().toLowerCase())
                .increment();
        return result;
    }

    private Result takeIn(Source source, byte[] raw) {
        ParsedMail mail;
        try {
            mail = MimeReader.read(raw);
        } catch (Exception unreadable) {
            return unreadable(source, raw, unreadable);
        }
        Optional<TenantSlug> workspace =
                source.workspace() != null ? Optional.of(source.workspace()) : routing.workspaceOf(mail);
        if (workspace.isEmpty() || !schemas.exists(workspace.get())) {
            unroutable(mail.messageId(), mail, raw, "no workspace named by a plus token");
            return new Result(null, null, null);
        }
        return TenantContext.callAs(workspace.get(), () -> take(workspace.get(), source.mailboxId(), mail, raw));
    }

    private Result take(TenantSlug workspace, Long mailboxId, ParsedMail mail, byte[] raw) {
        if (intake.seen(mail.messageId())) {
            return aside(workspace, mailboxId, mail, null, InboundRule.DUPLICATE, "taken in before");
        }
        String key = raws.keep(workspace, raw);
        try {
            MailIntake.Outcome outcome = intake.take(mail, mailboxId, key);
            if (outcome.rule() == InboundRule.DUPLICATE) {
                return aside(workspace, mailboxId, mail, key, InboundRule.DUPLICATE, "taken in before");
            }
            return new Result(workspace, outcome.rule(), outcome.ticketId());
        } catch (RuntimeException failure) {
            if (intake.seen(mail.messageId())) {
                // the same mail came in through another mailbox at the same time: the unique Message-ID refused it
                return aside(workspace, mailboxId, mail, key, InboundRule.DUPLICATE, "taken in meanwhile");
            }
            log.error("Inbound mail {} of {} failed; kept as {}", mail.messageId(), workspace, key, failure);
            return aside(workspace, mailboxId, mail, key, InboundRule.FAILED, failure.toString());
        }
    }

    private Result aside(
            TenantSlug workspace, Long mailboxId, ParsedMail mail, String key, InboundRule rule, String detail) {
        inboundLog.recordAside(new InboundLog.NewEntry(
                mailboxId,
                mail.messageId(),
                mail.from() == null ? null : mail.from().email(),
                mail.subject(),
                rule,
                null,
                null,
                null,
                key,
                detail));
        return new Result(workspace, rule, null);
    }

    private Result unreadable(Source source, byte[] raw, Exception cause) {
        String messageId = "<unreadable-" + UUID.randomUUID() + "@safaridesk>";
        if (source.workspace() == null) {
            unroutable(messageId, null, raw, "unreadable MIME: " + cause);
            return new Result(null, InboundRule.FAILED, null);
        }
        return TenantContext.callAs(source.workspace(), () -> {
            String key = raws.keep(source.workspace(), raw);
            inboundLog.recordAside(new InboundLog.NewEntry(
                    source.mailboxId(),
                    messageId,
                    null,
                    null,
                    InboundRule.FAILED,
                    null,
                    null,
                    null,
                    key,
                    "unreadable MIME: " + cause));
            return new Result(source.workspace(), InboundRule.FAILED, null);
        });
    }

    private void unroutable(String messageId, ParsedMail mail, byte[] raw, String reason) {
        jdbc.sql("insert into platform.inbound_unroutable (message_id, from_address, recipients, subject, reason,"
                        + " raw_mime) values (?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing")
                .params(
                        messageId,
                        mail == null || mail.from() == null ? null : mail.from().email(),
                        mail == null ? null : String.join(", ", mail.recipients()),
                        mail == null ? null : mail.subject(),
                        reason,
                        raw)
                .update();
    }
}
