package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.MailboxView;
import io.safaridesk.domain.inbound.Mailboxes;
import io.safaridesk.domain.mail.SmtpServer;
import io.safaridesk.domain.mail.WorkspaceSmtp;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.worker.mail.MailProperties;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the workspace in context sends: the addresses it sends from or is written to (the platform's sender and
 * support address, the catch-all's, the workspace's reply-to and SMTP sender and its mailboxes), and the Message-IDs
 * the platform generated ({@code platform.mail_outbox}). Mail from one of those addresses, or carrying one of those
 * Message-IDs for this workspace, is our own coming back: a loop, refused.
 */
@Component
class OwnAddresses {

    private final MailProperties mail;
    private final InboundProperties inbound;
    private final Settings settings;
    private final WorkspaceSmtp smtp;
    private final Mailboxes mailboxes;
    private final JdbcClient jdbc;

    OwnAddresses(
            MailProperties mail,
            InboundProperties inbound,
            Settings settings,
            WorkspaceSmtp smtp,
            Mailboxes mailboxes,
            DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.mail = mail;
        this.inbound = inbound;
        this.settings = settings;
        this.smtp = smtp;
        this.mailboxes = mailboxes;
    }

    /** The workspace's own addresses, lower-case and without plus tokens. */
    Set<String> current() {
        Set<String> own = new HashSet<>();
        Stream.concat(
                        Stream.of(
                                mail.from(),
                                mail.supportAddress(),
                                inbound.catchAll().address(),
                                settings.current().emailReplyTo(),
                                smtp.current().map(SmtpServer::fromAddress).orElse(null)),
                        mailboxes.list().stream().map(MailboxView::address))
                .filter(Objects::nonNull)
                .map(OwnAddresses::base)
                .forEach(own::add);
        return own;
    }

    /** Which of the platform's mails this Message-ID is, if one: the workspace that sent it and whether automatic. */
    Optional<MailClassifier.Sent> sent(String messageId) {
        return jdbc.sql("select tenant_slug, auto_submitted from platform.mail_outbox where message_id = ?"
                        + " and tenant_slug is not null")
                .param(messageId)
                .query((rs, row) -> new MailClassifier.Sent(TenantSlug.of(rs.getString(1)), rs.getBoolean(2)))
                .optional();
    }

    /** {@code Support+Token@Example.com} is {@code support@example.com}. */
    static String base(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        int plus = lower.indexOf('+');
        return plus >= 0 && plus < at ? lower.substring(0, plus) + lower.substring(at) : lower;
    }
}
