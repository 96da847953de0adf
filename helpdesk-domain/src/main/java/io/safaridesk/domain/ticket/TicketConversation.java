package io.safaridesk.domain.ticket;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.agent.Mentions;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation on a ticket: public replies, which the requester sees, and internal notes, which only staff ever
 * see. Every message is sanitised, recorded in the ticket's history and published as an event. Staff mention agents
 * by writing {@code @} before an agent's email address ({@code @ann@acme.example}); mentions resolve against the
 * workspace's active agents only, unknown addresses stay plain text. A customer's reply reopens a ticket that is
 * PENDING or RESOLVED (to the workspace's default status); a CLOSED ticket takes no customer reply.
 */
@Component
@Transactional
public class TicketConversation {

    private final Tickets tickets;
    private final TicketMessageRepository messages;
    private final TicketStatuses statuses;
    private final TicketJournal journal;
    private final Agents agents;
    private final Clock clock;

    TicketConversation(
            Tickets tickets,
            TicketMessageRepository messages,
            TicketStatuses statuses,
            TicketJournal journal,
            Agents agents,
            Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.statuses = statuses;
        this.journal = journal;
        this.agents = agents;
        this.clock = clock;
    }

    /** A message as its author wrote it: {@code field} names the input in problems, the HTML is sanitised here. */
    public record Draft(String field, String html, Channel channel) {}

    /** A message and the agents mentioned in it (staff only: customers get no mentions). */
    public record Entry(TicketMessage message, List<Long> mentionedAgentIds) {}

    /** A page of the conversation, oldest first: staff see replies and notes, customers their tickets' replies. */
    @Transactional(readOnly = true)
    public List<Entry> messages(long ticketId, Actor actor, long afterId, int limit) {
        Ticket ticket = tickets.get(ticketId, actor);
        List<TicketMessage> page = actor.isStaff()
                ? messages.findByTicketIdAndIdGreaterThanOrderByIdAsc(ticket.id(), afterId, Limit.of(limit))
                : messages.findByTicketIdAndVisibilityAndIdGreaterThanOrderByIdAsc(
                        ticket.id(), MessageVisibility.PUBLIC, afterId, Limit.of(limit));
        return entries(page, actor);
    }

    /** A public reply; an agent's first one is the ticket's first response. */
    public Entry reply(long ticketId, Draft draft, Actor actor) {
        return write(ticketId, MessageVisibility.PUBLIC, draft, actor);
    }

    /** An internal note: staff only. */
    public Entry note(long ticketId, Draft draft, Actor actor) {
        if (!actor.isStaff()) {
            throw StaffOnly.notes();
        }
        return write(ticketId, MessageVisibility.INTERNAL, draft, actor);
    }

    /**
     * A message that came by email from a sender the inbound mail pipeline identified: the web's access rules do not
     * apply (the pipeline decided that the sender is the requester, a CC'd participant or an agent of the workspace,
     * and turns anyone else's mail into an internal note or a new ticket). A public reply by a customer reopens the
     * ticket like one from the portal; mail is never read for mentions.
     */
    public Entry fromEmail(long ticketId, MessageVisibility visibility, Draft draft, Actor author) {
        return write(tickets.editableByParticipant(ticketId), visibility, draft, author, false);
    }

    private Entry write(long ticketId, MessageVisibility visibility, Draft draft, Actor actor) {
        return write(tickets.editable(ticketId, null, actor), visibility, draft, actor, true);
    }

    private Entry write(Ticket ticket, MessageVisibility visibility, Draft draft, Actor actor, boolean mentions) {
        TicketText body = TicketText.fromHtml(draft.html());
        if (body.text().isBlank() && !body.html().contains("<img")) {
            throw ApiProblem.invalidField(draft.field(), "has no content (after removing unsafe HTML)");
        }
        Instant now = clock.instant();
        if (visibility == MessageVisibility.PUBLIC && !actor.isStaff()) {
            reopenForRequester(ticket, actor, now);
        }
        TicketMessage message =
                messages.saveAndFlush(TicketMessage.written(ticket, visibility, body, draft.channel(), actor, now));
        List<Ticket.Change> changes = new ArrayList<>();
        changes.add(Ticket.Change.of(visibility == MessageVisibility.PUBLIC ? "reply" : "note", null, message.id()));
        if (visibility == MessageVisibility.PUBLIC && actor.isStaff() && ticket.respondedAt(now)) {
            changes.add(Ticket.Change.of("first_response_at", null, now));
        }
        ticket.touch(now);
        journal.record(ticket, actor, visibility == MessageVisibility.PUBLIC ? "replied" : "noted", changes, now);
        journal.publish(
                visibility == MessageVisibility.PUBLIC
                        ? new TicketEvent.ReplyAdded(
                                ticket.id(),
                                ticket.number(),
                                message.id(),
                                message.authorAgentId(),
                                message.authorContactId(),
                                actor.userId(),
                                now)
                        : new TicketEvent.NoteAdded(
                                ticket.id(), ticket.number(), message.id(), actor.agentId(), actor.userId(), now));
        List<Long> mentioned = mentions && actor.isStaff() ? mention(ticket, message, actor, now) : List.of();
        tickets.saved(ticket);
        return new Entry(message, mentioned);
    }

    private void reopenForRequester(Ticket ticket, Actor actor, Instant now) {
        TicketStatus current = statuses.get(ticket.statusId());
        if (current.category() == StatusCategory.CLOSED) {
            throw TicketClosed.forId(ticket.id());
        }
        TicketStatus initial = statuses.initial();
        List<Ticket.Change> reopened = ticket.reopenOnReply(current, initial, now);
        if (!reopened.isEmpty()) {
            journal.record(ticket, actor, "status_changed", reopened, now);
            journal.publish(new TicketEvent.TicketStatusChanged(
                    ticket.id(),
                    ticket.number(),
                    current.name(),
                    initial.name(),
                    initial.category(),
                    actor.userId(),
                    now));
        }
    }

    private List<Long> mention(Ticket ticket, TicketMessage message, Actor actor, Instant now) {
        List<Agent> mentioned = agents.activeWithEmails(Mentions.emailsIn(message.bodyText()));
        List<Long> ids = new ArrayList<>();
        for (Agent agent : mentioned) {
            if (messages.mention(message.id(), agent.id()) == 0) {
                continue;
            }
            ids.add(agent.id());
            journal.record(ticket, actor, "mentioned", List.of(Ticket.Change.of("mention", null, agent.name())), now);
            journal.publish(new TicketEvent.MentionMade(
                    ticket.id(), ticket.number(), message.id(), agent.id(), actor.userId(), now));
        }
        return ids.stream().sorted().toList();
    }

    private List<Entry> entries(List<TicketMessage> page, Actor actor) {
        if (page.isEmpty() || !actor.isStaff()) {
            return page.stream().map(m -> new Entry(m, List.of())).toList();
        }
        Collection<Long> ids = page.stream().map(TicketMessage::id).toList();
        Map<Long, List<Long>> mentions = messages.mentionsIn(ids).stream()
                .collect(Collectors.groupingBy(
                        TicketMessageRepository.Mention::getMessageId,
                        Collectors.mapping(TicketMessageRepository.Mention::getAgentId, Collectors.toList())));
        return page.stream()
                .map(m -> new Entry(m, mentions.getOrDefault(m.id(), List.of())))
                .toList();
    }

    /** Only staff write internal notes. */
    public static final class StaffOnly extends ApiProblem {
        private StaffOnly(String detail) {
            super(HttpStatus.FORBIDDEN, "staff-only", detail);
        }

        static StaffOnly notes() {
            return new StaffOnly("Only agents and admins write internal notes");
        }

        static StaffOnly watchers() {
            return new StaffOnly("Only agents and admins see and change a ticket's watchers");
        }
    }

    /** A closed ticket takes no more replies from its requester: they open a new ticket. */
    public static final class TicketClosed extends ApiProblem {
        private TicketClosed(long id) {
            super(HttpStatus.CONFLICT, "ticket-closed", "Ticket " + id + " is closed: open a new ticket instead");
        }

        static TicketClosed forId(long id) {
            return new TicketClosed(id);
        }
    }
}
