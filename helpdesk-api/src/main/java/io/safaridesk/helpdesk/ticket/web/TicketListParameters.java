package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.platform.web.QueryParameters.agentId;
import static io.safaridesk.platform.web.QueryParameters.collect;
import static io.safaridesk.platform.web.QueryParameters.instant;
import static io.safaridesk.platform.web.QueryParameters.split;

import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.StatusCategory;
import io.safaridesk.domain.ticket.TicketQuery;
import io.safaridesk.domain.ticket.TicketSort;
import io.safaridesk.domain.ticket.TicketStatuses;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of a ticket list, in this API's names and in the seed's ({@code search}, {@code assigned_to},
 * {@code date_from}/{@code date_to}, and the seed's {@code view} names such as {@code all_unresolved}). Lists are
 * comma-separated; dates are ISO instants or dates (a date means its start, UTC).
 */
record TicketListParameters(
        String status,
        @BindParam("status_category") String statusCategory,
        String priority,
        String assignee,
        @BindParam("assigned_to") String assignedTo,
        Long department,
        Long category,
        String channel,
        Long requester,
        String tag,
        @BindParam("created_from") String createdFrom,
        @BindParam("created_to") String createdTo,
        @BindParam("date_from") String dateFrom,
        @BindParam("date_to") String dateTo,
        @BindParam("updated_from") String updatedFrom,
        @BindParam("updated_to") String updatedTo,
        @BindParam("due_from") String dueFrom,
        @BindParam("due_to") String dueTo,
        String view,
        String q,
        String search,
        String sort,
        String cursor,
        Integer limit) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    TicketQuery toQuery(Actor actor, TicketStatuses statuses) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        Shelf shelf = Shelf.of(view, actor);
        String assigneeParameter = assignee != null ? assignee : assignedTo;
        boolean unassigned = shelf.unassigned || "unassigned".equalsIgnoreCase(assigneeParameter);
        Long assigneeId = shelf.mine ? actor.agentId() : agentId("assignee", assigneeParameter, actor, problems);
        TicketSort order = sort == null ? TicketSort.NEWEST : collect(problems, () -> TicketSort.of(sort));
        TicketQuery query = new TicketQuery(
                collect(
                        problems,
                        () -> split(status, s -> statuses.named("status", s).id())),
                shelf.categories.isEmpty()
                        ? collect(problems, () -> split(statusCategory, c -> StatusCategory.of("status_category", c)))
                        : shelf.categories,
                collect(problems, () -> split(priority, p -> Priority.of("priority", p))),
                assigneeId,
                unassigned,
                department,
                category,
                channel == null ? null : collect(problems, () -> Channel.of("channel", channel)),
                requester,
                tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT),
                new TicketQuery.Range(
                        instant("created_from", createdFrom != null ? createdFrom : dateFrom, problems),
                        instant("created_to", createdTo != null ? createdTo : dateTo, problems)),
                new TicketQuery.Range(
                        instant("updated_from", updatedFrom, problems), instant("updated_to", updatedTo, problems)),
                new TicketQuery.Range(instant("due_from", dueFrom, problems), instant("due_to", dueTo, problems)),
                shelf.view,
                q != null ? q : search,
                order,
                order == null ? null : collect(problems, () -> TicketSort.Position.decode(cursor, order)),
                pageSize,
                shelf.marks);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return query;
    }

    /** The seed's named views and this API's shelves, as filters. */
    private record Shelf(
            TicketQuery.View view,
            Set<StatusCategory> categories,
            boolean mine,
            boolean unassigned,
            TicketQuery.Marks marks) {

        Shelf(TicketQuery.View view, Set<StatusCategory> categories, boolean mine, boolean unassigned) {
            this(view, categories, mine, unassigned, TicketQuery.Marks.NONE);
        }

        static Shelf of(String view, Actor actor) {
            Set<StatusCategory> unresolved = Set.of(StatusCategory.OPEN, StatusCategory.PENDING);
            Set<StatusCategory> resolved = Set.of(StatusCategory.RESOLVED, StatusCategory.CLOSED);
            boolean staff = actor.isStaff();
            TicketQuery.View live = TicketQuery.View.LIVE;
            return switch (view == null ? "live" : view.strip().toLowerCase(Locale.ROOT)) {
                case "live", "all_tickets" -> new Shelf(live, Set.of(), false, false);
                case "archived" -> new Shelf(TicketQuery.View.ARCHIVED, Set.of(), false, false);
                case "trash" -> new Shelf(TicketQuery.View.TRASH, Set.of(), false, false);
                case "all" -> new Shelf(TicketQuery.View.ALL, Set.of(), false, false);
                case "merged" -> new Shelf(TicketQuery.View.MERGED, Set.of(), false, false);
                case "all_unassigned" -> new Shelf(live, Set.of(), false, true);
                case "all_unresolved" -> new Shelf(live, unresolved, false, false);
                case "all_resolved" -> new Shelf(live, resolved, false, false);
                case "my_unresolved" -> new Shelf(live, unresolved, staff, false);
                case "my_resolved" -> new Shelf(live, resolved, staff, false);
                case "my_overdue" ->
                    new Shelf(live, unresolved, staff, false, new TicketQuery.Marks(true, null, false, false));
                case "requested_by_me" ->
                    new Shelf(live, Set.of(), false, false, new TicketQuery.Marks(false, actor.userId(), false, false));
                case "sla_breached" ->
                    new Shelf(live, unresolved, false, false, new TicketQuery.Marks(false, null, true, false));
                case "reopened" ->
                    new Shelf(live, Set.of(), false, false, new TicketQuery.Marks(false, null, false, true));
                default -> throw ApiProblem.invalidField("view", "is not one of " + String.join(", ", VIEWS));
            };
        }
    }

    /** Every view name the lists take. */
    static final List<String> VIEWS = List.of(
            "live",
            "archived",
            "trash",
            "all",
            "merged",
            "all_tickets",
            "all_unassigned",
            "all_unresolved",
            "all_resolved",
            "my_unresolved",
            "my_resolved",
            "my_overdue",
            "requested_by_me",
            "sla_breached",
            "reopened");
}
