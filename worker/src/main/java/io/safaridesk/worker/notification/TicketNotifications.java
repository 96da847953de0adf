package io.safaridesk.worker.notification;

import io.safaridesk.platform.mail.MailTemplate;
import io.safaridesk.platform.notification.NotificationKind;
import io.safaridesk.platform.notification.NotificationPreferences;
import io.safaridesk.platform.notification.Notifications;
import io.safaridesk.worker.mail.OutboundMail;
import io.safaridesk.worker.messaging.EventMessage;
import io.safaridesk.worker.messaging.ProcessedMessages;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a workspace's events into in-app notifications and mail, in one transaction with the processed-message record:
 *
 * <ul>
 *   <li>{@code ticket.created}: an acknowledgement to the requester (not for internal tickets);
 *   <li>{@code ticket.assigned}: the new assignee;
 *   <li>{@code ticket.reply-added}: an agent's public reply goes to the requester in the ticket's mail thread; a
 *       requester's reply to the assignee and watchers;
 *   <li>{@code ticket.mention-made}: the mentioned agent;
 *   <li>{@code sla.at-risk}, {@code sla.breached} ({@code ticket_id}, {@code metric}, {@code due_at}, {@code notified_agent_ids}):
 *       the agents the sweep named (assignee, department leads, admins);
 *   <li>{@code export.ready} ({@code user_id}, {@code export_name}, {@code download_url}, {@code expires_at}): the user;
 *   <li>{@code export.failed} ({@code user_id}, {@code export_name}, {@code reason}): the user, in-app.
 * </ul>
 *
 * Staff get what their preferences allow (per kind, email and/or in-app; mail waits out quiet hours), never a
 * notification of their own action. Other events are recorded as handled and otherwise ignored.
 */
@Component
class TicketNotifications {

    static final String CONSUMER = "notifications";
    private static final Logger log = LoggerFactory.getLogger(TicketNotifications.class);

    private final ProcessedMessages processed;
    private final TicketFacts facts;
    private final Notifications notifications;
    private final OutboundMail mail;
    private final Clock clock;

    TicketNotifications(
            ProcessedMessages processed,
            TicketFacts facts,
            Notifications notifications,
            OutboundMail mail,
            Clock clock) {
        this.processed = processed;
        this.facts = facts;
        this.notifications = notifications;
        this.mail = mail;
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
            case "ticket.assigned" -> assigned(payload, actor);
            case "ticket.reply-added" -> replied(payload, actor);
            case "ticket.mention-made" -> mentioned(payload, actor);
            case "sla.at-risk" -> sla(payload, NotificationKind.SLA_AT_RISK, MailTemplate.SLA_AT_RISK);
            case "sla.breached" -> sla(payload, NotificationKind.SLA_BREACHED, MailTemplate.SLA_BREACHED);
            case "export.ready" -> exportReady(payload);
            case "export.failed" -> exportFailed(payload);
            default -> {}
        }
    }

    private void acknowledge(JsonNode payload) {
        if ("INTERNAL".equals(text(payload, "channel"))) {
            return;
        }
        facts.ticket(payload.path("ticket_id").asLong())
                .ifPresent(ticket -> mail.queue(new OutboundMail.Mail(
                        MailTemplate.NEW_TICKET,
                        ticket.requesterEmail(),
                        ticket.id(),
                        true,
                        true,
                        null,
                        Map.of(
                                "ticketRef", ticket.reference(),
                                "subject", ticket.subject(),
                                "requesterName", ticket.requesterName()),
                        null)));
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
                            Map<String, Object> values = Map.of(
                                    "ticketRef", ticket.reference(),
                                    "subject", ticket.subject(),
                                    "authorName", message.authorName(),
                                    "bodyHtml", message.bodyHtml(),
                                    "bodyText", message.bodyText());
                            if (!payload.path("author_agent_id").isNull()
                                    && !payload.path("author_agent_id").isMissingNode()) {
                                mail.queue(new OutboundMail.Mail(
                                        MailTemplate.PUBLIC_REPLY,
                                        ticket.requesterEmail(),
                                        ticket.id(),
                                        true,
                                        false,
                                        message.authorName(),
                                        values,
                                        null));
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
                                                "authorName", message.authorName(),
                                                "bodyHtml", message.bodyHtml(),
                                                "bodyText", message.bodyText())))));
    }

    /**
     * An {@link io.safaridesk.platform.sla.SlaCrossed} event: the recipients are the ones the sweep chose (assignee,
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
                                        Map.of("target", target, "dueAt", dueAt)))));
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
                            "exportName", name,
                            "downloadUrl", String.valueOf(text(payload, "download_url")),
                            "expiresAt", String.valueOf(text(payload, "expires_at"))),
                    preferences.mailAllowedFrom(clock.instant())));
        }
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
            Map<String, Object> values) {
        notifications.raise(new Notifications.NewNotification(agent.userId(), kind, ticket.id(), title, body));
        NotificationPreferences preferences = notifications.preferencesOf(agent.userId());
        if (!preferences.wantsEmail(kind)) {
            return;
        }
        Map<String, Object> model = new HashMap<>(values);
        model.put("ticketRef", ticket.reference());
        model.put("subject", ticket.subject());
        model.put("agentName", agent.name());
        mail.queue(new OutboundMail.Mail(
                template,
                agent.email(),
                ticket.id(),
                false,
                true,
                null,
                model,
                preferences.mailAllowedFrom(clock.instant())));
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
