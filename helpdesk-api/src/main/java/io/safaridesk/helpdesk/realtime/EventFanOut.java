package io.safaridesk.helpdesk.realtime;

import io.safaridesk.domain.ticket.TicketAudience;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relays the domain events that reach this instance's own queue (bound to {@code safaridesk.events} with {@code
 * ticket.#} and {@code task.#}) to its local STOMP sessions. Every instance receives every event, so a client may be
 * connected to any of them. Events of a workspace with no session on this instance are dropped unread. Per event, the
 * ticket's audience is read once from the workspace's schema; then:
 *
 * <ul>
 *   <li>staff subscribed to the workspace's ticket topic get the event if they may see the ticket;
 *   <li>the requester's customer sessions get its public events ({@link #PUBLIC_EVENTS}) with public fields only;
 *   <li>the mentioned or newly assigned agent gets it on {@code /user/queue/notifications}.
 * </ul>
 *
 * Delivery is best effort (a session that is not connected misses the event; clients reload on reconnect); an event
 * published twice (after a relay crash) is dropped by message id.
 */
@Component
class EventFanOut {

    private static final Logger log = LoggerFactory.getLogger(EventFanOut.class);
    static final String TENANT_HEADER = "x-safaridesk-tenant";

    /** What a requester learns about their ticket; never notes, mentions, assignments or internal field changes. */
    static final Set<String> PUBLIC_EVENTS = Set.of(
            EventTopology.TICKET_EVENTS + "created",
            EventTopology.TICKET_EVENTS + "status-changed",
            EventTopology.TICKET_EVENTS + "reply-added",
            EventTopology.TICKET_EVENTS + "merged");

    /** The fields of a public event that a requester receives. */
    private static final Set<String> PUBLIC_FIELDS =
            Set.of("ticket_id", "number", "subject", "to_status", "to_category", "message_id", "source_numbers", "at");

    private static final int REMEMBERED_IDS = 10_000;

    private final Tickets tickets;
    private final RealtimeSessions sessions;
    private final SimpMessagingTemplate broker;
    private final JsonMapper json;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    EventFanOut(Tickets tickets, RealtimeSessions sessions, SimpMessagingTemplate broker, JsonMapper json) {
        this.tickets = tickets;
        this.sessions = sessions;
        this.broker = broker;
        this.json = json;
    }

    @RabbitListener(queues = "#{realtimeEvents.name}")
    void onEvent(Message message) {
        String type = message.getMessageProperties().getReceivedRoutingKey();
        Object tenant = message.getMessageProperties().getHeaders().get(TENANT_HEADER);
        String id = message.getMessageProperties().getMessageId();
        try {
            if (id != null && !firstTime(id)) {
                return;
            }
            TenantSlug workspace = TenantSlug.of(String.valueOf(tenant));
            if (!hasSessionsOf(workspace)) {
                // nobody here listens: not even the ticket is read (the exchange also carries events of workspaces
                // this instance cannot read, e.g. another deployment's on a shared broker)
                return;
            }
            JsonNode event = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            if (type.startsWith(EventTopology.TICKET_EVENTS)) {
                ticketEvent(workspace, type, id, event);
            } else if (type.startsWith("task.")) {
                send(Destinations.tasks(workspace), envelope(workspace, type, id, event), Actor::isStaff);
            }
        } catch (RuntimeException unusable) {
            // real-time delivery is best effort: a bad or unexpected event, or one of a workspace whose schema cannot
            // be
            // read, is logged and dropped (acknowledged), never redelivered in a loop that would hold up the next ones
            log.warn("Real-time event {} {} of {} not delivered: {}", type, id, tenant, unusable.toString());
        }
    }

    private boolean hasSessionsOf(TenantSlug workspace) {
        return sessions.users().stream().anyMatch(user -> user.workspace().equals(workspace));
    }

    private synchronized boolean firstTime(String messageId) {
        return seen.add(messageId);
    }

    private void ticketEvent(TenantSlug workspace, String type, String id, JsonNode event) {
        long ticketId = event.path("ticket_id").asLong();
        Optional<TicketAudience> audience = TenantContext.callAs(workspace, () -> tickets.audience(ticketId));
        // a ticket deleted for good has no audience left: only admins hear of it
        Predicate<Actor> sees = audience.<Predicate<Actor>>map(a -> a::includes).orElse(Actor::isAdmin);
        ObjectNode envelope = envelope(workspace, type, id, event);
        send(Destinations.tickets(workspace), envelope, actor -> actor.isStaff() && sees.test(actor));

        Long addressee = notified(type, event);
        if (addressee != null) {
            toUsers(
                    workspace,
                    actor -> addressee.equals(actor.agentId()) && sees.test(actor),
                    Destinations.NOTIFICATIONS,
                    envelope);
        }
        if (PUBLIC_EVENTS.contains(type) && audience.isPresent()) {
            long requester = audience.get().requesterId();
            ObjectNode publicEnvelope = envelope(workspace, type, id, publicFields(event));
            toUsers(
                    workspace,
                    actor -> !actor.isStaff() && Long.valueOf(requester).equals(actor.contactId()) && sees.test(actor),
                    Destinations.CUSTOMER_TICKETS,
                    publicEnvelope);
        }
    }

    /** The agent a mention or an assignment is addressed to, if the event is one. */
    private static Long notified(String type, JsonNode event) {
        JsonNode agent = switch (type.substring(EventTopology.TICKET_EVENTS.length())) {
            case "mention-made" -> event.path("agent_id");
            case "assigned" -> event.path("assignee_id");
            default -> null;
        };
        return agent == null || !agent.isNumber() ? null : agent.asLong();
    }

    private ObjectNode publicFields(JsonNode event) {
        ObjectNode fields = json.createObjectNode();
        PUBLIC_FIELDS.forEach(name -> {
            if (event.has(name)) {
                fields.set(name, event.get(name));
            }
        });
        return fields;
    }

    private ObjectNode envelope(TenantSlug workspace, String type, String id, JsonNode event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("type", type);
        envelope.put("workspace", workspace.value());
        envelope.put("id", id);
        envelope.set("event", event);
        return envelope;
    }

    private void toUsers(TenantSlug workspace, Predicate<Actor> who, String queue, ObjectNode envelope) {
        sessions.users().stream()
                .filter(user -> user.workspace().equals(workspace) && who.test(user.actor()))
                .map(user -> Destinations.ofUser(user, queue))
                .distinct()
                .forEach(destination -> send(destination, envelope, who));
    }

    private void send(String destination, ObjectNode envelope, Predicate<Actor> audience) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setHeader(AudienceFilter.AUDIENCE_HEADER, audience);
        headers.setLeaveMutable(true);
        byte[] body = json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        broker.send(destination, MessageBuilder.createMessage(body, headers.getMessageHeaders()));
    }
}
