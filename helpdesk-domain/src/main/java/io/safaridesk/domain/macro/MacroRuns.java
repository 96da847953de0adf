package io.safaridesk.domain.macro;

import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.settings.WorkspaceSettings;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.template.Placeholder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Applies macros to tickets. Everything a macro does goes through the ticket facades an agent's own requests use
 * ({@link TicketConversation} for the reply, {@link Tickets} for the fields), so every rule, history entry and event is
 * theirs; all of it happens in one transaction, so a step the ticket refuses undoes the others.
 */
@Component
@Transactional
public class MacroRuns {

    private final Macros macros;
    private final Tickets tickets;
    private final TicketConversation conversation;
    private final TicketStatuses statuses;
    private final Contacts contacts;
    private final Settings settings;

    MacroRuns(
            Macros macros,
            Tickets tickets,
            TicketConversation conversation,
            TicketStatuses statuses,
            Contacts contacts,
            Settings settings) {
        this.macros = macros;
        this.tickets = tickets;
        this.conversation = conversation;
        this.statuses = statuses;
        this.contacts = contacts;
        this.settings = settings;
    }

    /** One field the macro changed (or would change): status by name, assignee and department by id, tags joined. */
    public record Change(String field, String oldValue, String newValue) {}

    /**
     * What applying the macro did, or would do: the reply or note as written (values in) and the message it became
     * (null in a dry run), and the fields that changed.
     */
    public record Run(
            long macroId,
            long ticketId,
            boolean applied,
            MessageVisibility visibility,
            String bodyHtml,
            Long messageId,
            List<Change> changes) {}

    /**
     * Applies the macro to the ticket: a history entry naming the macro, the reply or note, then the status, the
     * department, tags and priority, and the assignee; counts a use. The actor must see both (404 otherwise, as for
     * reading them). A dry run does and checks all of it, answers the outcome and rolls it back, so a preview refuses
     * exactly what applying would. (It rolls back the transaction it runs in, so it is to be called outside of one, as
     * the web layer does.)
     */
    public Run apply(long ticketId, long macroId, boolean dryRun, Actor actor) {
        Ticket ticket = tickets.get(ticketId, actor);
        Macro macro = macros.get(macroId, actor);
        MacroActions actions = macro.actions();
        Snapshot before = snapshot(ticket);
        tickets.macroApplied(ticketId, macro.name(), actor);
        String body =
                macro.bodyHtml() == null ? null : MacroBody.render(macro.bodyHtml(), values(ticket, actions, actor));
        Long messageId = body == null ? null : write(ticketId, macro.visibility(), body, actor);
        ticket = change(ticket, actions, actor);
        macros.used(macro);
        List<Change> changes = before.changesTo(snapshot(ticket));
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new Run(macroId, ticketId, !dryRun, macro.visibility(), body, dryRun ? null : messageId, changes);
    }

    /**
     * The action half of a macro, shared with triggers and time rules: the status (as {@code PUT .../status}), then
     * department, tags and priority (as {@code PATCH}), then the assignee (as {@code PUT .../assignee}), each through
     * {@link Tickets} with its rules, history entries and events; answers the ticket as they leave it. Runs in the
     * caller's transaction: a refused step throws and the caller's transaction undoes the others.
     */
    public Ticket change(Ticket ticket, MacroActions actions, Actor actor) {
        long ticketId = ticket.id();
        if (actions.statusId() != null) {
            ticket = tickets.changeStatus(ticketId, actions.statusId().toString(), null, null, actor);
        }
        if (actions.departmentId() != null || actions.priority() != null || actions.changesTags()) {
            ticket = tickets.update(
                    ticketId,
                    new Tickets.Changes(
                            null,
                            null,
                            actions.departmentId() == null ? null : Optional.of(actions.departmentId()),
                            null,
                            actions.changesTags() ? actions.retag(ticket.tags()) : null,
                            actions.priority(),
                            null,
                            null),
                    actor);
        }
        if (actions.assigneeId() != null) {
            ticket = tickets.assign(ticketId, actions.assigneeId(), null, actor);
        }
        return ticket;
    }

    private Long write(long ticketId, MessageVisibility visibility, String html, Actor actor) {
        TicketConversation.Draft draft = new TicketConversation.Draft("body_html", html, Channel.API);
        TicketConversation.Entry entry = visibility == MessageVisibility.PUBLIC
                ? conversation.reply(ticketId, draft, actor)
                : conversation.note(ticketId, draft, actor);
        return entry.message().id();
    }

    /** The values a macro's reply may use; the status is the one the macro leaves the ticket in. */
    private Map<Placeholder, String> values(Ticket ticket, MacroActions actions, Actor actor) {
        WorkspaceSettings workspace = settings.current();
        Contact requester = contacts.get(ticket.requesterId());
        long status = actions.statusId() == null ? ticket.statusId() : actions.statusId();
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.WORKSPACE_NAME, workspace.name());
        values.put(Placeholder.TICKET_NUMBER, workspace.ticketNumberPrefix() + ticket.number());
        values.put(Placeholder.TICKET_SUBJECT, ticket.subject());
        values.put(Placeholder.TICKET_STATUS, statuses.get(status).name());
        values.put(Placeholder.REQUESTER_NAME, requester.name());
        values.put(Placeholder.REQUESTER_EMAIL, requester.email());
        values.put(Placeholder.AGENT_NAME, actor.name());
        values.replaceAll((placeholder, value) -> Objects.requireNonNullElse(value, ""));
        return values;
    }

    private Snapshot snapshot(Ticket ticket) {
        return new Snapshot(
                statuses.get(ticket.statusId()).name(),
                ticket.priority().name(),
                ticket.departmentId(),
                String.join(",", ticket.tags()),
                ticket.assigneeId());
    }

    /** The fields a macro can change, as they were at one moment (the ticket entity itself changes in place). */
    private record Snapshot(String status, String priority, Long departmentId, String tags, Long assigneeId) {

        List<Change> changesTo(Snapshot after) {
            List<Change> changes = new ArrayList<>();
            add(changes, "status", status, after.status);
            add(changes, "priority", priority, after.priority);
            add(changes, "department_id", departmentId, after.departmentId);
            add(changes, "tags", tags, after.tags);
            add(changes, "assignee_id", assigneeId, after.assigneeId);
            return changes;
        }

        private static void add(List<Change> changes, String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changes.add(new Change(
                        field, before == null ? null : before.toString(), after == null ? null : after.toString()));
            }
        }
    }
}
