package io.safaridesk.worker.notification;

import io.safaridesk.domain.inbound.AutomaticReplies;
import io.safaridesk.domain.mail.WorkspaceMailTemplates;
import io.safaridesk.domain.notification.NotificationKind;
import io.safaridesk.domain.notification.NotificationPreferences;
import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import io.safaridesk.platform.template.Placeholder;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.mail.MailProperties;
import io.safaridesk.worker.mail.OutboundMail;
import io.safaridesk.worker.messaging.EventMessage;
import io.safaridesk.worker.messaging.ProcessedMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a workspace's events into in-app notifications and mail, in one transaction with the processed-message record:
 *
 * <ul>
 *   <li>{@code ticket.created}: an acknowledgement to the requester (not for internal tickets, nor for a ticket opened
 *       by mail from an address acknowledged within the acknowledgement window);
 *   <li>{@code ticket.status-changed}: the requester and CC'd participants when their ticket is solved or closed, or
 *       set pending by an agent, in each one's language;
 *   <li>{@code ticket.assigned}: the new assignee;
 *   <li>{@code ticket.reply-added}: an agent's public reply goes to the requester in the ticket's mail thread; a
 *       requester's reply to the assignee and watchers;
 *   <li>{@code ticket.mention-made}: the mentioned agent;
 *   <li>{@code sla.at-risk}, {@code sla.breached} ({@code ticket_id}, {@code metric}, {@code due_at}, {@code notified_agent_ids}):
 *       the agents the sweep named (assignee, department leads, admins);
 *   <li>{@code export.ready} ({@code user_id}, {@code export_name}, {@code download_url}, {@code expires_at}): the user;
 *   <li>{@code export.failed} ({@code user_id}, {@code export_name}, {@code reason}): the user, in-app;
 *   <li>{@code mail.test-requested}: an admin's test of a mail text, to the admin.
 * </ul>
 *
 * Staff get what their preferences allow (per kind, email and/or in-app; mail waits out quiet hours), never a
 * notification of their own action; requesters get status mail unless their contact opted out, and a requester with
 * a portal account has it wait out their quiet hours. Other events are recorded as handled and otherwise ignored.
 */
@Component
class TicketNotifications {

    static final String CONSUMER = "notifications";
    private static final Logger log = LoggerFactory.getLogger(TicketNotifications.class);

    private final ProcessedMessages processed;
    private final TicketFacts facts;
    private final Notifications notifications;
    private final OutboundMail mail;
    private final TicketLinks links;
    private final Settings settings;
    private final Clock clock;
    private final AutomaticReplies automaticReplies;
    private final Duration acknowledgementWindow;

    TicketNotifications(
            ProcessedMessages processed,
            TicketFacts facts,
            Notifications notifications,
            OutboundMail mail,
            TicketLinks links,
            Settings settings,
            Clock clock,
            AutomaticReplies automaticReplies,
            MailProperties mailProperties) {
        this.automaticReplies = automaticReplies;
        this.acknowledgementWindow = mailProperties.acknowledgementWindow();
        this.processed = processed;
        this.facts = facts;
        this.notifications = notifications;
        this.mail = mail;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    /** Handles the event once; a second delivery of the same message id does nothing. */
    @Transactional
    public void handle(EventMessage event) {
        if (!processed.firstDelivery(CONSUMER, event.messageId())) {
            log.debug("{} {} was handled before", event.type(), event.messageId());
            return;
        }
        JsonNode payload = event.payload();
        String actor = text(payload, "actor_id");
        switch (event.type()) {
            case "ticket.created" -> acknowledge(payload);
            case "ticket.status-changed" -> statusChanged(payload, actor);
            case "ticket.assigned" -> assigned(payload, actor);
            case "ticket.reply-added" -> replied(payload, actor);
            case "ticket.mention-made" -> mentioned(payload, actor);
            case "sla.at-risk" -> sla(payload, NotificationKind.SLA_AT_RISK, MailTemplate.SLA_AT_RISK);
            case "sla.breached" -> sla(payload, NotificationKind.SLA_BREACHED, MailTemplate.SLA_BREACHED);
            case "export.ready" -> exportReady(payload);
            case "export.failed" -> exportFailed(payload);
            case EventTopology.MAIL_TEST_REQUESTED -> testMail(payload);
            default -> {}
        }
    }

    private void acknowledge(JsonNode payload) {
        if ("INTERNAL".equals(text(payload, "channel"))) {
            return;
        }
        boolean byMail = "EMAIL".equals(text(payload, "channel"));
        facts.ticket(payload.path("ticket_id").asLong())
                .ifPresent(ticket -> facts.customers(ticket.id()).stream()
                        .findFirst()
                        .filter(requester -> !byMail || !acknowledgedLately(ticket.id(), requester.email()))
                        .ifPresent(requester -> mail.queue(new OutboundMail.Mail(
                                MailTemplate.NEW_TICKET,
                                requester.email(),
                                ticket.id(),
                                true,
                                true,
                                null,
                                customerValues(ticket, requester),
                                requester.language(),
                                null))));
    }

    /**
     * Whether the address was acknowledged within the window: then this ticket, opened by mail, gets no acknowledgement
     * (noted in its inbound log entry). A helpdesk that answers every mail with a plain new mail (no Auto-Submitted,
     * none of our ids) would otherwise open a ticket here for each of our acknowledgements, and we one there for each
     * of its own; so the exchange stops after one round, as RT and Zendesk stop it.
     */
    private boolean acknowledgedLately(long ticketId, String address) {
        if (acknowledgementWindow.isZero() || acknowledgementWindow.isNegative()) {
            return false;
        }
        Optional<Instant> last =
                automaticReplies.acknowledgedSince(address, clock.instant().minus(acknowledgementWindow));
        last.ifPresent(at -> {
            String reason = "no acknowledgement sent: " + address + " was acknowledged at " + at + ", within the last "
                    + DurationStyle.SIMPLE.print(acknowledgementWindow) + " (the acknowledgement window)";
            automaticReplies.recordNotAcknowledged(ticketId, reason);
            log.info("Ticket {} of {}: {}", ticketId, TenantContext.current(), reason);
        });
        return last.isPresent();
    }

    /**
     * A status change the requester's side hears about: solved or closed by anyone but themselves, or set pending by an
     * agent (who is asking them something); for each of them in their language, unless they opted out of these mails.
     */
    private void statusChanged(JsonNode payload, String actor) {
        MailTemplate template = switch (payload.path("to_category").asString("")) {
            case "RESOLVED" -> MailTemplate.TICKET_SOLVED;
            case "CLOSED" -> MailTemplate.TICKET_CLOSED;
            case "PENDING" -> MailTemplate.TICKET_PENDING;
            default -> null;
        };
        Optional<TicketFacts.Person> agent = facts.agentOfUser(actor);
        if (template == null || (template == MailTemplate.TICKET_PENDING && agent.isEmpty())) {
            return;
        }
        facts.ticket(payload.path("ticket_id").asLong())
                .filter(ticket -> !"INTERNAL".equals(ticket.channel()))
                .ifPresent(ticket -> facts.customers(ticket.id()).stream()
                        .filter(TicketFacts.Customer::emailUpdates)
                        .filter(customer ->
                                customer.userId() == null || !customer.userId().equals(actor))
                        .forEach(customer -> {
                            Map<Placeholder, String> values = customerValues(ticket, customer);
                            agent.ifPresent(person -> values.put(Placeholder.AGENT_NAME, person.name()));
                            mail.queue(new OutboundMail.Mail(
                                    template,
                                    customer.email(),
                                    ticket.id(),
                                    true,
                                    true,
                                    null,
                                    values,
                                    customer.language(),
                                    customer.userId() == null
                                            ? null
                                            : notifications
                                                    .preferencesOf(customer.userId())
                                                    .mailAllowedFrom(clock.instant())));
                        }));
    }

    private void assigned(JsonNode payload, String actor) {
        if (payload.path("assignee_id").isNull() || payload.path("assignee_id").isMissingNode()) {
            return;
        }
        facts.ticket(payload.path("ticket_id").asLong())
                .ifPresent(ticket -> facts.agent(payload.path("assignee_id").asLong())
                        .filter(TicketFacts.Person::active)
                        .filter(agent -> !Objects.equals(agent.userId(), actor))
                        .ifPresent(agent -> notify(
                                agent,
                                NotificationKind.TICKET_ASSIGNED,
                                MailTemplate.TICKET_ASSIGNED,
                                ticket,
                                ticket.reference() + " assigned to you",
                                ticket.subject(),
                                Map.of())));
    }

    private void replied(JsonNode payload, String actor) {
        facts.ticket(payload.path("ticket_id").asLong())
                .ifPresent(ticket -> facts.message(payload.path("message_id").asLong())
                        .filter(TicketFacts.MessageInfo::isPublic)
                        .ifPresent(message -> {
                            Map<Placeholder, String> values = Map.of(
                                    Placeholder.AGENT_NAME, message.authorName(),
                                    Placeholder.MESSAGE_HTML, message.bodyHtml(),
                                    Placeholder.MESSAGE_TEXT, message.bodyText());
                            if (!payload.path("author_agent_id").isNull()
                                    && !payload.path("author_agent_id").isMissingNode()) {
                                facts.customers(ticket.id()).stream()
                                        .findFirst()
                                        .ifPresent(requester -> {
                                            Map<Placeholder, String> model = customerValues(ticket, requester);
                                            model.putAll(values);
                                            mail.queue(new OutboundMail.Mail(
                                                    MailTemplate.PUBLIC_REPLY,
                                                    requester.email(),
                                                    ticket.id(),
                                                    true,
                                                    false,
                                                    message.authorName(),
                                                    model,
                                                    requester.language(),
                                                    null));
                                        });
                            } else {
                                facts.followers(ticket.id()).stream()
                                        .filter(agent -> !Objects.equals(agent.userId(), actor))
                                        .forEach(agent -> notify(
                                                agent,
                                                NotificationKind.TICKET_REPLIED,
                                                MailTemplate.TICKET_REPLIED,
                                                ticket,
                                                ticket.reference() + ": " + message.authorName() + " replied",
                                                abbreviate(message.bodyText()),
                                                values));
                            }
                        }));
    }

    private void mentioned(JsonNode payload, String actor) {
        facts.ticket(payload.path("ticket_id").asLong())
                .ifPresent(ticket -> facts.message(payload.path("message_id").asLong())
                        .ifPresent(message -> facts.agent(
                                        payload.path("agent_id").asLong())
                                .filter(TicketFacts.Person::active)
                                .filter(agent -> !Objects.equals(agent.userId(), actor))
                                .ifPresent(agent -> notify(
                                        agent,
                                        NotificationKind.MENTION,
                                        MailTemplate.MENTION,
                                        ticket,
                                        message.authorName() + " mentioned you on " + ticket.reference(),
                                        abbreviate(message.bodyText()),
                                        Map.of(
                                                Placeholder.AGENT_NAME, message.authorName(),
                                                Placeholder.MESSAGE_HTML, message.bodyHtml(),
                                                Placeholder.MESSAGE_TEXT, message.bodyText())))));
    }

    /**
     * An {@link io.safaridesk.domain.sla.SlaCrossed} event: the recipients are the ones the sweep chose (assignee,
     * department leads, admins), the target is the metric's name.
     */
    private void sla(JsonNode payload, NotificationKind kind, MailTemplate template) {
        String target = payload.path("metric")
                .asString("SLA")
                .toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ');
        String dueAt = text(payload, "due_at") == null ? "" : text(payload, "due_at");
        facts.ticket(payload.path("ticket_id").asLong())
                .ifPresent(ticket -> payload.path("notified_agent_ids")
                        .forEach(id -> facts.agent(id.asLong())
                                .filter(TicketFacts.Person::active)
                                .ifPresent(agent -> notify(
                                        agent,
                                        kind,
                                        template,
                                        ticket,
                                        ticket.reference()
                                                + (kind == NotificationKind.SLA_BREACHED
                                                        ? " breached its " + target + " target"
                                                        : " is at risk of breaching its " + target + " target"),
                                        ticket.subject(),
                                        Map.of(Placeholder.SLA_TARGET, target, Placeholder.SLA_DUE_AT, dueAt)))));
    }

    private void exportReady(JsonNode payload) {
        String userId = text(payload, "user_id");
        String email = text(payload, "email");
        String name = String.valueOf(text(payload, "export_name"));
        NotificationPreferences preferences = notifications.preferencesOf(userId);
        notifications.raise(new Notifications.NewNotification(
                userId, NotificationKind.EXPORT_READY, null, "Your export is ready", name));
        if (email != null && preferences.wantsEmail(NotificationKind.EXPORT_READY)) {
            mail.queue(new OutboundMail.Mail(
                    MailTemplate.EXPORT_READY,
                    email,
                    null,
                    false,
                    true,
                    null,
                    Map.of(
                            Placeholder.EXPORT_NAME, name,
                            Placeholder.EXPORT_URL, String.valueOf(text(payload, "download_url")),
                            Placeholder.EXPORT_EXPIRES_AT, String.valueOf(text(payload, "expires_at"))),
                    facts.agentOfUser(userId).map(TicketFacts.Person::language).orElse(null),
                    preferences.mailAllowedFrom(clock.instant())));
        }
    }

    /** An admin's test of a mail text: sent to them with the example values, marked as a test in the subject. */
    private void testMail(JsonNode payload) {
        MailTemplate template = MailTemplate.editable(String.valueOf(text(payload, "template")));
        mail.queue(
                new OutboundMail.Mail(
                        template,
                        text(payload, "recipient"),
                        null,
                        false,
                        true,
                        null,
                        WorkspaceMailTemplates.examples(template),
                        text(payload, "language"),
                        null),
                new MailTemplates.Content(
                        "[Test] " + text(payload, "subject"), text(payload, "html"), text(payload, "text")));
    }

    private void exportFailed(JsonNode payload) {
        notifications.raise(new Notifications.NewNotification(
                text(payload, "user_id"),
                NotificationKind.EXPORT_FAILED,
                null,
                "Your export " + text(payload, "export_name") + " failed",
                String.valueOf(text(payload, "reason"))));
    }

    private void notify(
            TicketFacts.Person agent,
            NotificationKind kind,
            MailTemplate template,
            TicketFacts.TicketInfo ticket,
            String title,
            String body,
            Map<Placeholder, String> values) {
        notifications.raise(new Notifications.NewNotification(agent.userId(), kind, ticket.id(), title, body));
        NotificationPreferences preferences = notifications.preferencesOf(agent.userId());
        if (!preferences.wantsEmail(kind)) {
            return;
        }
        Map<Placeholder, String> model = ticketValues(ticket);
        model.put(Placeholder.TICKET_URL, links.staffTicket(ticket.id()));
        model.put(Placeholder.RECIPIENT_NAME, agent.name());
        model.putAll(values);
        mail.queue(new OutboundMail.Mail(
                template,
                agent.email(),
                ticket.id(),
                false,
                true,
                null,
                model,
                agent.language(),
                preferences.mailAllowedFrom(clock.instant())));
    }

    Map<Placeholder, String> customerValues(TicketFacts.TicketInfo ticket, TicketFacts.Customer customer) {
        Map<Placeholder, String> values = ticketValues(ticket);
        values.put(Placeholder.TICKET_URL, links.portalTicket(ticket.id()));
        values.put(Placeholder.RECIPIENT_NAME, customer.name());
        values.put(Placeholder.AGENT_NAME, settings.current().name());
        return values;
    }

    private static Map<Placeholder, String> ticketValues(TicketFacts.TicketInfo ticket) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TICKET_NUMBER, ticket.reference());
        values.put(Placeholder.TICKET_SUBJECT, ticket.subject());
        values.put(Placeholder.TICKET_STATUS, ticket.status());
        values.put(Placeholder.REQUESTER_NAME, ticket.requesterName());
        values.put(Placeholder.REQUESTER_EMAIL, ticket.requesterEmail());
        return values;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }
}
