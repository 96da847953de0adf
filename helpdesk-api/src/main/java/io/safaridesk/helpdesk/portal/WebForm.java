package io.safaridesk.helpdesk.portal;

import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.kb.KbAnalytics;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.ratelimit.RateLimiter;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The anonymous web form of a workspace's portal: anyone may open a ticket with a name and an email address. The
 * requester is the workspace's contact with that address (made if new); the ticket comes in on channel WEB. Only
 * active workspaces take submissions, and each client address and each email address only a few per period (the
 * shared rate limits {@code web-form-address} and {@code web-form-email}).
 */
@Component
public class WebForm {

    private final PortalWorkspaces workspaces;
    private final Contacts contacts;
    private final Tickets tickets;
    private final Settings settings;
    private final TransactionTemplate transactions;
    private final RateLimiter limits;
    private final KbAnalytics analytics;

    WebForm(
            PortalWorkspaces workspaces,
            Contacts contacts,
            Tickets tickets,
            Settings settings,
            TransactionTemplate transactions,
            RateLimiter limits,
            KbAnalytics analytics) {
        this.workspaces = workspaces;
        this.contacts = contacts;
        this.tickets = tickets;
        this.settings = settings;
        this.transactions = transactions;
        this.limits = limits;
        this.analytics = analytics;
    }

    /** What the form sent. */
    public record Submission(
            String name, String email, String phone, String subject, String descriptionHtml, Long categoryId) {}

    /** All the form learns back: the number of its ticket. */
    public record Receipt(String ticketId) {}

    /**
     * Opens the ticket; the client's address and user agent identify the visitor as the portal's knowledge base does
     * (a keyed hash), for the KB deflection report.
     */
    public Receipt submit(String slug, Submission submission, String clientIp, String userAgent) {
        limits.take("web-form-address", clientIp);
        TenantSlug tenant = workspaces.active(slug);
        String email = submission.email().strip().toLowerCase(Locale.ROOT);
        limits.take("web-form-email", tenant.value() + " " + email);
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(status -> {
                    Contact requester = contacts.requester(submission.name(), email, submission.phone());
                    Ticket ticket = tickets.create(
                            new Tickets.NewTicket(
                                    submission.subject(),
                                    submission.descriptionHtml(),
                                    Channel.WEB,
                                    null,
                                    null,
                                    null,
                                    submission.categoryId(),
                                    null,
                                    null,
                                    null),
                            Actor.webForm(requester.name(), requester.id()));
                    analytics.recordPortal(
                            analytics.anonymous(clientIp, userAgent),
                            KbAnalytics.PortalActivity.TICKET,
                            null,
                            ticket.id());
                    return new Receipt(settings.current().ticketNumberPrefix() + ticket.number());
                }));
    }
}
