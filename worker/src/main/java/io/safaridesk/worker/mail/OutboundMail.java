package io.safaridesk.worker.mail;

import io.safaridesk.domain.inbound.AutomaticReplies;
import io.safaridesk.domain.mail.ReplyAddress;
import io.safaridesk.domain.mail.SmtpServer;
import io.safaridesk.domain.mail.WorkspaceMailTemplates;
import io.safaridesk.domain.mail.WorkspaceSmtp;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.settings.WorkspaceSettings;
import io.safaridesk.platform.observability.TraceCarrier;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import io.safaridesk.platform.template.Placeholder;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a workspace's mail in {@code platform.mail_outbox}, inside the caller's transaction, fully rendered and with
 * its headers fixed: a Message-ID of its own, In-Reply-To and References continuing the ticket's thread, a Reply-To
 * carrying the ticket ({@code support+<token>@...}) and whether it is auto-generated. {@link MailDelivery} sends it.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
public class OutboundMail {

    private static final int MAX_REFERENCES = 10;

    @PersistenceContext
    private EntityManager entityManager;

    private final MailTemplates templates;
    private final WorkspaceMailTemplates texts;
    private final Settings settings;
    private final WorkspaceSmtp smtp;
    private final ReplyAddress replyAddress;
    private final MailProperties properties;
    private final Clock clock;
    private final AutomaticReplies automaticReplies;
    private final TraceCarrier traces;

    OutboundMail(
            MailTemplates templates,
            WorkspaceMailTemplates texts,
            Settings settings,
            WorkspaceSmtp smtp,
            ReplyAddress replyAddress,
            MailProperties properties,
            Clock clock,
            AutomaticReplies automaticReplies,
            TraceCarrier traces) {
        this.automaticReplies = automaticReplies;
        this.templates = templates;
        this.texts = texts;
        this.settings = settings;
        this.smtp = smtp;
        this.replyAddress = replyAddress;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * One mail to write.
     *
     * @param ticketId the ticket it is about, or null
     * @param toRequester true for mail to the ticket's requester: it joins the ticket's mail thread
     * @param autoSubmitted true for notifications ({@code Auto-Submitted: auto-generated}), false for a person's reply
     * @param language the recipient's language (BCP 47), or null for the workspace's default
     * @param notBefore when it may go (the end of the recipient's quiet hours), or null for now
     */
    public record Mail(
            MailTemplate template,
            String recipient,
            Long ticketId,
            boolean toRequester,
            boolean autoSubmitted,
            String fromName,
            Map<Placeholder, String> values,
            String language,
            Instant notBefore) {}

    /**
     * Queues the mail, written from the workspace's own text of its template in the recipient's language or the
     * shipped one; answers its Message-ID, or null when it is automatic and may not go to its recipient (a mailing
     * list, or the requester of a ticket a list's mail opened: RFC 3834).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String queue(Mail mail) {
        return queue(mail, texts.effective(mail.template(), language(mail)));
    }

    /** Queues the mail written from {@code content} (an admin's test of a draft); answers its Message-ID or null. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String queue(Mail mail, MailTemplates.Content content) {
        if (mail.autoSubmitted() && !automaticReplies.allowed(mail.ticketId(), mail.recipient())) {
            return null;
        }
        TenantSlug workspace = TenantContext.current();
        WorkspaceSettings workspaceSettings = settings.current();
        MailTemplates.Rendered rendered = templates.render(
                content,
                language(mail),
                new MailTemplates.Branding(
                        workspaceSettings.name(), workspaceSettings.emailSignature(), workspaceSettings.supportUrl()),
                mail.values());
        String from = smtp.current()
                .map(SmtpServer::fromAddress)
                .filter(Objects::nonNull)
                .orElse(properties.from());
        String domain = from.substring(from.lastIndexOf('@') + 1);
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        String support = workspaceSettings.emailReplyTo() == null
                ? properties.supportAddress()
                : workspaceSettings.emailReplyTo();
        String replyTo =
                mail.ticketId() == null ? support : replyAddress.forTicket(support, workspace, mail.ticketId());
        List<String> thread = thread(mail, workspace, domain);
        if (mail.toRequester() && mail.ticketId() != null) {
            entityManager
                    .createNativeQuery("insert into ticket_email_messages (ticket_id, message_id, direction)"
                            + " values (:ticket, :id, 'OUTBOUND')")
                    .setParameter("ticket", mail.ticketId())
                    .setParameter("id", messageId)
                    .executeUpdate();
        }
        String fromName = mail.fromName() != null
                ? mail.fromName() + " (" + workspaceSettings.name() + ")"
                : workspaceSettings.emailFromName() != null
                        ? workspaceSettings.emailFromName()
                        : workspaceSettings.name();
        Instant now = clock.instant();
        entityManager
                .createNativeQuery("insert into platform.mail_outbox (id, tenant_slug, kind, message_id, from_address,"
                        + " from_name, recipient, reply_to, subject, body_text, body_html, in_reply_to, references_ids,"
                        + " auto_submitted, next_attempt_at, created_at, trace_context) values (:id, :tenant, :kind,"
                        + " :messageId, :from, :fromName, :recipient, :replyTo, :subject, :text, :html, :inReplyTo,"
                        + " :references, :auto, :next, :now, cast(cast(:trace as text) as jsonb))")
                .setParameter("id", UUID.randomUUID())
                .setParameter("tenant", workspace.value())
                .setParameter("kind", mail.template().file())
                .setParameter("messageId", messageId)
                .setParameter("from", from)
                .setParameter("fromName", fromName)
                .setParameter("recipient", mail.recipient())
                .setParameter("replyTo", replyTo)
                .setParameter("subject", rendered.subject())
                .setParameter("text", rendered.text())
                .setParameter("html", rendered.html())
                .setParameter("inReplyTo", thread.isEmpty() ? null : thread.getLast())
                .setParameter("references", thread.isEmpty() ? null : String.join(" ", thread))
                .setParameter("auto", mail.autoSubmitted())
                .setParameter(
                        "next", mail.notBefore() == null || mail.notBefore().isBefore(now) ? now : mail.notBefore())
                .setParameter("now", now)
                .setParameter("trace", traces.current())
                .executeUpdate();
        return messageId;
    }

    private String language(Mail mail) {
        return mail.language() == null ? settings.current().defaultLanguage() : mail.language();
    }

    /**
     * The Message-IDs this mail answers, oldest first: for the requester the ticket's own thread (its first message
     * and the latest ones); for staff a per-ticket root that groups every notification about the ticket.
     */
    private List<String> thread(Mail mail, TenantSlug workspace, String domain) {
        if (mail.ticketId() == null) {
            return List.of();
        }
        if (!mail.toRequester()) {
            return List.of("<ticket-" + mail.ticketId() + "." + workspace.value() + "@" + domain + ">");
        }
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager
                .createNativeQuery("select message_id from ticket_email_messages where ticket_id = :ticket order by id")
                .setParameter("ticket", mail.ticketId())
                .getResultList();
        if (ids.size() <= MAX_REFERENCES) {
            return ids;
        }
        List<String> kept = new ArrayList<>();
        kept.add(ids.getFirst());
        kept.addAll(ids.subList(ids.size() - MAX_REFERENCES + 1, ids.size()));
        return kept;
    }
}
