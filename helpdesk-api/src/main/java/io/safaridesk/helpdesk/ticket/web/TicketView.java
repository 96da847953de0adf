package io.safaridesk.helpdesk.ticket.web;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.StatusCategory;
import java.time.Instant;
import java.util.List;

/** A ticket as the API shows it; {@code ticket_id} is the human number ({@code T-1042}), {@code id} the key. */
record TicketView(
        long id,
        String ticketId,
        long number,
        String subject,
        String descriptionHtml,
        String descriptionText,
        Channel channel,
        StatusView status,
        Priority priority,
        RequesterView requester,
        Long departmentId,
        Long categoryId,
        Long assigneeId,
        List<String> tags,
        Instant dueAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        boolean archived,
        Instant trashedAt,
        Long mergedIntoId,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    record StatusView(long id, String name, StatusCategory category) {}

    record RequesterView(long id, String name, String email) {}
}
