package io.safaridesk.worker.notification;

import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.domain.satisfaction.Rating;
import io.safaridesk.domain.satisfaction.Satisfaction;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.Placeholder;
import io.safaridesk.worker.mail.OutboundMail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the due surveys of the workspace in context to their ticket's requester, with the same rules as every
 * automatic mail to a requester: not to a contact who opted out of status mail, not to a mailing list or the requester
 * of a ticket a list's mail opened (RFC 3834, {@link OutboundMail}), after the quiet hours of a requester with a portal
 * account; in their language, in the ticket's mail thread. A survey that may not go is marked skipped with the reason,
 * so it is never tried again; one that went is marked sent in the same transaction as its mail is queued.
 */
@Component
class SatisfactionSurveys {

    /** Surveys handled per transaction; the sweep goes on while a batch comes back full. */
    static final int BATCH = 100;

    private final Satisfaction satisfaction;
    private final TicketFacts facts;
    private final TicketNotifications notifications;
    private final Notifications preferences;
    private final OutboundMail mail;
    private final TicketLinks links;
    private final Clock clock;

    SatisfactionSurveys(
            Satisfaction satisfaction,
            TicketFacts facts,
            TicketNotifications notifications,
            Notifications preferences,
            OutboundMail mail,
            TicketLinks links,
            Clock clock) {
        this.satisfaction = satisfaction;
        this.facts = facts;
        this.notifications = notifications;
        this.preferences = preferences;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
    }

    /** Sends or skips up to {@link #BATCH} due surveys; answers how many it handled. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        List<Satisfaction.DueSurvey> due = satisfaction.due(now, BATCH);
        for (Satisfaction.DueSurvey survey : due) {
            String skipped = survey.skipReason() != null ? survey.skipReason() : send(survey, now);
            if (skipped != null) {
                satisfaction.skipped(survey.id(), skipped);
            }
        }
        return due.size();
    }

    /** Queues the survey's mail; answers why it did not, or null when it did. */
    private String send(Satisfaction.DueSurvey survey, Instant now) {
        Optional<TicketFacts.TicketInfo> ticket = facts.ticket(survey.ticketId());
        Optional<TicketFacts.Customer> requester =
                facts.customers(survey.ticketId()).stream().findFirst();
        if (ticket.isEmpty() || requester.isEmpty() || !requester.get().emailUpdates()) {
            return "OPTED_OUT";
        }
        TicketFacts.Customer customer = requester.get();
        Satisfaction.Sending sending = satisfaction.sending(survey.id(), now);
        Map<Placeholder, String> values = notifications.customerValues(ticket.get(), customer);
        values.put(Placeholder.SURVEY_GOOD_URL, links.survey(sending.token(), Rating.GOOD));
        values.put(Placeholder.SURVEY_BAD_URL, links.survey(sending.token(), Rating.BAD));
        String messageId = mail.queue(new OutboundMail.Mail(
                MailTemplate.SATISFACTION_SURVEY,
                customer.email(),
                survey.ticketId(),
                true,
                true,
                null,
                values,
                customer.language(),
                customer.userId() == null
                        ? null
                        : preferences.preferencesOf(customer.userId()).mailAllowedFrom(now)));
        if (messageId == null) {
            return "AUTOMATIC_MAIL_REFUSED";
        }
        satisfaction.sent(survey.id(), now, sending.expiresAt());
        return null;
    }
}
