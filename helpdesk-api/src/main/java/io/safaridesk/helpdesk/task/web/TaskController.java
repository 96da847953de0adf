package io.safaridesk.helpdesk.task.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.attachment.Uploads;
import io.safaridesk.domain.history.HistoryEntryView;
import io.safaridesk.domain.task.TaskAttachment;
import io.safaridesk.domain.task.TaskComments;
import io.safaridesk.domain.task.TaskSearch;
import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.task.Tasks;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.task.web.TaskRequests.AssigneeRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.BulkRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.CommentRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.CreateTaskRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.StatusRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.TicketLinkRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.UpdateTaskRequest;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.Downloads;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Callers({ADMIN, AGENT})
@Tag(name = "Tasks")
@RestController
@RequestMapping("/api/v1/tasks")
@Validated
class TaskController {

    private static final String BASE = "/api/v1/tasks";

    private final Tasks tasks;
    private final TaskSearch search;
    private final TaskComments comments;
    private final TaskViews views;

    TaskController(Tasks tasks, TaskSearch search, TaskComments comments, TaskViews views) {
        this.tasks = tasks;
        this.search = search;
        this.comments = comments;
        this.views = views;
    }

    @Operation(
            summary = "Tasks the caller may see, newest first, filtered (view, status, priority, assigned_to,"
                    + " department, ticket, date and due ranges) and searched (search or q: full text over title and"
                    + " description); pass next_cursor back as cursor (limit at most 100)")
    @GetMapping
    TaskViews.TaskPage list(TaskListParameters parameters, Actor actor) {
        var query = parameters.toQuery(actor);
        return views.page(search.list(query, actor), query.limit());
    }

    @Operation(summary = "How many tasks the caller sees in each view (all_tasks, my_tasks, ..., trash_tasks)")
    @GetMapping("/counts")
    Map<String, Long> counts(Actor actor) {
        return search.counts(actor);
    }

    @Operation(summary = "Creates a task, linked to a ticket (ticket_id) or standalone; numbered TSK-1001, ...")
    @PostMapping
    ResponseEntity<TaskView> create(@Valid @RequestBody CreateTaskRequest request, Actor actor) {
        TaskView created = views.of(tasks.create(request.toCommand(), actor));
        return ResponseEntity.created(URI.create(BASE + "/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable long id, Actor actor) {
        return views.of(tasks.get(id, actor));
    }

    @Operation(summary = "Changes the fields sent (null clears department_id, due_at); version guards")
    @PatchMapping("/{id}")
    TaskView update(@PathVariable long id, @Valid @RequestBody UpdateTaskRequest request, Actor actor) {
        return views.of(tasks.update(id, request.toChanges(), actor));
    }

    @Operation(summary = "Moves the task to todo, in_progress, blocked, done or cancelled")
    @PutMapping("/{id}/status")
    TaskView changeStatus(@PathVariable long id, @Valid @RequestBody StatusRequest request, Actor actor) {
        return views.of(tasks.changeStatus(id, TaskStatus.of("status", request.status()), request.version(), actor));
    }

    @Operation(summary = "Assigns the task to an agent, or unassigns it with agent_id null")
    @PutMapping("/{id}/assignee")
    TaskView assign(@PathVariable long id, @RequestBody AssigneeRequest request, Actor actor) {
        return views.of(tasks.assign(id, request.agentId(), request.version(), actor));
    }

    @Operation(summary = "Links the task to a ticket the caller sees, or makes it standalone with ticket_id null")
    @PutMapping("/{id}/ticket")
    TaskView link(@PathVariable long id, @RequestBody TicketLinkRequest request, Actor actor) {
        return views.of(tasks.linkTicket(id, request.ticketId(), request.version(), actor));
    }

    @Operation(summary = "Archives, unarchives, trashes or restores up to 1000 tasks, all or nothing")
    @PostMapping("/bulk")
    List<TaskView> bulk(@Valid @RequestBody BulkRequest request, Actor actor) {
        return views.of(tasks.bulk(Tasks.BulkAction.of("action", request.action()), request.taskIds(), actor));
    }

    @Operation(summary = "The task's history, oldest first: who changed which field when, from what to what")
    @GetMapping("/{id}/activities")
    KeysetPage<HistoryEntryView> history(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        List<HistoryEntryView> items = tasks.history(id, actor, Cursor.decodeId(cursor), limit).stream()
                .map(HistoryEntryView::of)
                .toList();
        return KeysetPage.of(items, limit, HistoryEntryView::id);
    }

    /** A comment with the agents it mentions. */
    record CommentView(
            long id,
            long taskId,
            Long authorAgentId,
            String authorName,
            String bodyHtml,
            String bodyText,
            List<Long> mentionedAgentIds,
            Instant createdAt) {

        static CommentView of(TaskComments.Entry e) {
            var c = e.comment();
            return new CommentView(
                    c.id(),
                    c.taskId(),
                    c.authorAgentId(),
                    c.authorName(),
                    c.bodyHtml(),
                    c.bodyText(),
                    e.mentionedAgentIds(),
                    c.createdAt());
        }
    }

    @Operation(summary = "The task's comments, oldest first")
    @GetMapping("/{id}/comments")
    KeysetPage<CommentView> comments(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            Actor actor) {
        List<CommentView> items = comments.list(id, actor, Cursor.decodeId(cursor), limit).stream()
                .map(CommentView::of)
                .toList();
        return KeysetPage.of(items, limit, CommentView::id);
    }

    @Operation(summary = "A comment (HTML, sanitised); @agent@email mentions an active agent of the workspace")
    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CommentView comment(@PathVariable long id, @Valid @RequestBody CommentRequest request, Actor actor) {
        return CommentView.of(comments.comment(id, "body", request.body(), actor));
    }

    /** A file on the task, or on one of its comments. */
    record AttachmentView(
            long id,
            long taskId,
            Long commentId,
            String filename,
            String contentType,
            long sizeBytes,
            Instant createdAt,
            String contentUrl) {

        static AttachmentView of(TaskAttachment a) {
            return new AttachmentView(
                    a.id(),
                    a.taskId(),
                    a.commentId(),
                    a.filename(),
                    a.contentType(),
                    a.sizeBytes(),
                    a.createdAt(),
                    BASE + "/" + a.taskId() + "/attachments/" + a.id() + "/content");
        }
    }

    @Operation(
            summary = "Attaches a file (part 'file', at most 10 MB by default), optionally to a comment (comment_id);"
                    + " the type is sniffed from the bytes; HTML, SVG, XML and executables are refused")
    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "comment_id", required = false) Long commentId,
            Actor actor) {
        Uploads.Upload upload = new Uploads.Upload("file", file.getOriginalFilename(), Downloads.bytes(file));
        return AttachmentView.of(comments.attach(id, upload, commentId, actor));
    }

    @GetMapping("/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable long id, Actor actor) {
        return comments.attachments(id, actor).stream().map(AttachmentView::of).toList();
    }

    @Operation(summary = "Downloads an attachment with its stored type, as an attachment")
    @GetMapping("/{id}/attachments/{attachmentId}/content")
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
        TaskComments.Content content = comments.content(id, attachmentId, actor);
        return Downloads.attachment(
                content.attachment().contentType(), content.attachment().filename(), content.bytes());
    }
}
