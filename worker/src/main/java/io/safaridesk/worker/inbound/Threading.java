package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.domain.inbound.MailThreads;
import io.safaridesk.domain.mail.ReplyAddress;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds the ticket of the workspace in context that a mail continues, trying in order: its In-Reply-To, its
 * References (Message-IDs of the ticket's thread, or the per-ticket root that staff notifications refer to), a signed
 * plus-address of this workspace among its recipients, and a ticket number of this workspace in its subject
 * ({@code [#T-1042]} or {@code [T-1042]}; every token is tried, so another workspace's or an unknown number does not
 * hide a later one), and last the same for a message the mail forwards (attached or inline). Nothing of another
 * workspace can match: lookups read this workspace's schema only, and plus tokens and notification roots must name
 * this workspace.
 */
@Component
class Threading {

    private static final Pattern NOTIFICATION_ROOT = Pattern.compile("^<ticket-(\\d{1,18})\\.([a-z0-9-]+)@[^>]+>$");

    private final MailThreads threads;
    private final ReplyAddress replyAddress;
    private final Settings settings;

    Threading(MailThreads threads, ReplyAddress replyAddress, Settings settings) {
        this.threads = threads;
        this.replyAddress = replyAddress;
        this.settings = settings;
    }

    /** The ticket a mail continues and the rule that found it. */
    record Match(InboundRule rule, long ticketId) {}

    Optional<Match> find(ParsedMail mail) {
        Optional<Long> ticket = threads.ticketOfMessageId(mail.inReplyTo());
        if (ticket.isPresent()) {
            return Optional.of(new Match(InboundRule.IN_REPLY_TO, ticket.get()));
        }
        List<String> references = new ArrayList<>(mail.references());
        references.removeAll(mail.inReplyTo());
        List<String> ids = new ArrayList<>(mail.inReplyTo());
        ids.addAll(mail.references());
        ticket = threads.ticketOfMessageId(references.reversed()).or(() -> notificationRoot(ids));
        if (ticket.isPresent()) {
            return Optional.of(new Match(InboundRule.REFERENCES, ticket.get()));
        }
        ticket = signedAddress(mail.recipients());
        if (ticket.isPresent()) {
            return Optional.of(new Match(InboundRule.PLUS_ADDRESS, ticket.get()));
        }
        ticket = subjectNumber(mail.subject());
        if (ticket.isPresent()) {
            return Optional.of(new Match(InboundRule.SUBJECT_NUMBER, ticket.get()));
        }
        for (ParsedMail.Forwarded forwarded : mail.forwarded()) {
            ticket = threads.ticketOfMessageId(forwarded.ids())
                    .or(() -> notificationRoot(forwarded.ids()))
                    .or(() -> signedAddress(forwarded.addresses()))
                    .or(() -> subjectNumber(forwarded.subject()));
            if (ticket.isPresent()) {
                return Optional.of(new Match(InboundRule.FORWARDED, ticket.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<Long> signedAddress(List<String> addresses) {
        TenantSlug workspace = TenantContext.current();
        for (String address : addresses) {
            Optional<Long> addressed = replyAddress
                    .parse(address)
                    .filter(target -> target.workspace().equals(workspace))
                    .map(ReplyAddress.Target::ticketId)
                    .filter(threads::exists);
            if (addressed.isPresent()) {
                return addressed;
            }
        }
        return Optional.empty();
    }

    private Optional<Long> notificationRoot(List<String> ids) {
        TenantSlug workspace = TenantContext.current();
        for (String id : ids) {
            Matcher matcher = NOTIFICATION_ROOT.matcher(id);
            if (matcher.matches() && matcher.group(2).equals(workspace.value())) {
                long ticketId = Long.parseLong(matcher.group(1));
                if (threads.exists(ticketId)) {
                    return Optional.of(ticketId);
                }
            }
        }
        return Optional.empty();
    }

    /** The first ticket of this workspace that a token of the subject names. */
    private Optional<Long> subjectNumber(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String prefix = settings.current().ticketNumberPrefix();
        Pattern pattern = Pattern.compile(
                "\\[#?" + Pattern.quote(prefix == null ? "T-" : prefix) + "(\\d{1,18})]", Pattern.CASE_INSENSITIVE);
        Matcher matcher = pattern.matcher(subject);
        while (matcher.find()) {
            Optional<Long> ticket = threads.ticketOfNumber(Long.parseLong(matcher.group(1)));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }
}
