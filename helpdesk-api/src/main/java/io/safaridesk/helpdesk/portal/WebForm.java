package io.safaridesk.helpdesk.portal;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.contact.Contact;
import io.safaridesk.platform.contact.Contacts;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.settings.Settings;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.ticket.Channel;
import io.safaridesk.platform.ticket.Ticket;
import io.safaridesk.platform.ticket.Tickets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The anonymous web form of a workspace's portal: anyone may open a ticket with a name and an email address. The
 * requester is the workspace's contact with that address (made if new); the ticket comes in on channel WEB. Only
 * active workspaces take submissions, and each client IP address and each email address only a few per period
 * ({@link WebFormLimits}).
 */
@Component
@EnableConfigurationProperties(WebFormLimits.class)
public class WebForm {

    private final PortalWorkspaces workspaces;
    private final Contacts contacts;
    private final Tickets tickets;
    private final Settings settings;
    private final TransactionTemplate transactions;
    private final TokenBuckets perIp;
    private final TokenBuckets perEmail;

    WebForm(
            PortalWorkspaces workspaces,
            Contacts contacts,
            Tickets tickets,
            Settings settings,
            TransactionTemplate transactions,
            WebFormLimits limits,
            Clock clock) {
        this.workspaces = workspaces;
        this.contacts = contacts;
        this.tickets = tickets;
        this.settings = settings;
        this.transactions = transactions;
        this.perIp = new TokenBuckets(limits.perIp(), limits.period(), clock);
        this.perEmail = new TokenBuckets(limits.perEmail(), limits.period(), clock);
    }

    /** What the form sent. */
    public record Submission(
            String name, String email, String phone, String subject, String descriptionHtml, Long categoryId) {}

    /** All the form learns back: the number of its ticket. */
    public record Receipt(String ticketId) {}

    public Receipt submit(String slug, Submission submission, String clientIp) {
        perIp.take(clientIp).ifPresent(wait -> {
            throw TooManySubmissions.after(wait);
        });
        TenantSlug tenant = workspaces.active(slug);
        String email = submission.email().strip().toLowerCase(Locale.ROOT);
        perEmail.take(tenant.value() + " " + email).ifPresent(wait -> {
            throw TooManySubmissions.after(wait);
        });
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
                    return new Receipt(settings.current().ticketNumberPrefix() + ticket.number());
                }));
    }

    /** Too many submissions from this address or for this email: {@link #retryAfter()} says when to try again. */
    public static final class TooManySubmissions extends ApiProblem {
        private final Duration retryAfter;

        private TooManySubmissions(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many tickets from here; try again later");
            this.retryAfter = retryAfter;
        }

        static TooManySubmissions after(Duration wait) {
            return new TooManySubmissions(wait);
        }

        /** Whole seconds, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
