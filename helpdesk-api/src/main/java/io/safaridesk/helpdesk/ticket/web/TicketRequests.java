package io.safaridesk.helpdesk.ticket.web;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.web.PatchField;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The bodies the ticket endpoints accept. */
final class TicketRequests {

    private TicketRequests() {}

    static final int MAX_SUBJECT = 250;
    static final int MAX_HTML = 200_000;

    record RequesterRequest(
            Long contactId,
            @Size(max = 200) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 50) String phone) {

        Tickets.Requester toRequester() {
            return new Tickets.Requester(contactId, name, email, phone);
        }
    }

    record CreateTicketRequest(
            @NotBlank @Size(max = MAX_SUBJECT) String subject,
            @Size(max = MAX_HTML) String description,
            String channel,
            @Valid RequesterRequest requester,
            String priority,
            Long departmentId,
            Long categoryId,
            Long assigneeId,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            Instant dueAt) {

        Tickets.NewTicket toCommand(Channel defaultChannel) {
            return new Tickets.NewTicket(
                    subject,
                    description,
                    channel == null ? defaultChannel : Channel.of("channel", channel),
                    requester == null ? null : requester.toRequester(),
                    priority == null ? null : Priority.of("priority", priority),
                    departmentId,
                    categoryId,
                    assigneeId,
                    tags,
                    dueAt);
        }
    }

    /**
     * A partial update: leave a field out to keep it; send null for department_id, category_id or due_at to clear it.
     */
    record UpdateTicketRequest(
            @Size(min = 1, max = MAX_SUBJECT) String subject,
            @Size(max = MAX_HTML) String description,
            @Schema(type = "integer", nullable = true) JsonNode departmentId,
            @Schema(type = "integer", nullable = true) JsonNode categoryId,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            String priority,

            @Schema(type = "string", format = "date-time", nullable = true)
            JsonNode dueAt,

            Integer version) {

        Tickets.Changes toChanges() {
            return new Tickets.Changes(
                    subject == null || subject.isBlank() ? null : subject,
                    description,
                    PatchField.id("department_id", departmentId),
                    PatchField.id("category_id", categoryId),
                    tags,
                    priority == null ? null : Priority.of("priority", priority),
                    PatchField.instant("due_at", dueAt),
                    version);
        }
    }

    /** {@code override_reason}: why the ticket is resolved or closed although it has open tasks (recorded). */
    record StatusRequest(
            @NotBlank String status,
            Integer version,
            @Size(max = 1000) String overrideReason) {}

    record PriorityRequest(@NotBlank String priority, Integer version) {}

    /** The seed's field name is {@code due_date}; null clears the due date. */
    record DueDateRequest(Instant dueDate, Integer version) {}

    record AssigneeRequest(Long agentId, Integer version) {}

    /** The seed's assignment body: the ticket (its id, or its number as {@code T-1042}) and the agent (null: none). */
    record AssignRequest(@NotNull String ticketId, Long agentId, Integer version) {}
}
