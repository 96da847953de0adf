package io.safaridesk.domain.task;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.agent.Mentions;
import io.safaridesk.domain.attachment.Uploads;
import io.safaridesk.domain.ticket.TicketText;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments and files on a task. Comments are sanitised HTML; {@code @} before an active agent's email
 * ({@code @ann@acme.example}) mentions them, as in ticket notes. Files go through {@link Uploads} (size, type sniffed
 * from the bytes, HTML, SVG and executables refused), onto the task or one of its comments. Everything is recorded in
 * the task's history and published ({@code task.comment-added}, {@code task.mention-made}, {@code task.updated}).
 */
@Component
@Transactional
public class TaskComments {

    private final Tasks tasks;
    private final TaskCommentRepository comments;
    private final TaskAttachmentRepository attachments;
    private final TaskJournal journal;
    private final Agents agents;
    private final Uploads uploads;
    private final Clock clock;

    TaskComments(
            Tasks tasks,
            TaskCommentRepository comments,
            TaskAttachmentRepository attachments,
            TaskJournal journal,
            Agents agents,
            Uploads uploads,
            Clock clock) {
        this.tasks = tasks;
        this.comments = comments;
        this.attachments = attachments;
        this.journal = journal;
        this.agents = agents;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** A comment and the agents mentioned in it. */
    public record Entry(TaskComment comment, List<Long> mentionedAgentIds) {}

    /** An attachment and its bytes. */
    public record Content(TaskAttachment attachment, byte[] bytes) {}

    /** A page of the task's comments, oldest first. */
    @Transactional(readOnly = true)
    public List<Entry> list(long taskId, Actor actor, long afterId, int limit) {
        Task task = tasks.get(taskId, actor);
        List<TaskComment> page = comments.findByTaskIdAndIdGreaterThanOrderByIdAsc(task.id(), afterId, Limit.of(limit));
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> mentions = comments
                .mentionsIn(page.stream().map(TaskComment::id).toList())
                .stream()
                .collect(Collectors.groupingBy(
                        TaskCommentRepository.Mention::getCommentId,
                        Collectors.mapping(TaskCommentRepository.Mention::getAgentId, Collectors.toList())));
        return page.stream()
                .map(c -> new Entry(c, mentions.getOrDefault(c.id(), List.of())))
                .toList();
    }

    /** Writes a comment ({@code field} names the body in problems); mentions resolve against active agents. */
    public Entry comment(long taskId, String field, String html, Actor actor) {
        TicketText body = TicketText.fromHtml(html);
        if (body.text().isBlank() && !body.html().contains("<img")) {
            throw ApiProblem.invalidField(field, "has no content (after removing unsafe HTML)");
        }
        Task task = tasks.editable(taskId, null, actor);
        Instant now = clock.instant();
        TaskComment comment =
                comments.saveAndFlush(new TaskComment(task.id(), actor.agentId(), actor.name(), body, now));
        task.touch(now);
        journal.record(task, actor, "commented", List.of(Task.Change.of("comment", null, comment.id())), now);
        journal.publish(new TaskEvent.CommentAdded(
                task.id(), task.number(), comment.id(), actor.agentId(), actor.userId(), now));
        List<Long> mentioned = new ArrayList<>();
        for (Agent agent : agents.activeWithEmails(Mentions.emailsIn(body.text()))) {
            if (comments.mention(comment.id(), agent.id()) == 0) {
                continue;
            }
            mentioned.add(agent.id());
            journal.record(task, actor, "mentioned", List.of(Task.Change.of("mention", null, agent.name())), now);
            journal.publish(
                    new TaskEvent.MentionMade(task.id(), task.number(), comment.id(), agent.id(), actor.userId(), now));
        }
        tasks.saved(task);
        return new Entry(comment, mentioned.stream().sorted().toList());
    }

    /** Attaches a file to the task, or to one of its comments ({@code commentId}). */
    public TaskAttachment attach(long taskId, Uploads.Upload upload, Long commentId, Actor actor) {
        uploads.check(upload);
        Task task = tasks.editable(taskId, null, actor);
        if (commentId != null
                && comments.findByIdAndTaskId(commentId, task.id()).isEmpty()) {
            throw ApiProblem.invalidField("comment_id", "names no comment of this task");
        }
        Uploads.Stored stored = uploads.store(upload, "tasks/" + task.id());
        Instant now = clock.instant();
        TaskAttachment attachment =
                attachments.saveAndFlush(new TaskAttachment(task.id(), commentId, stored, actor.userId(), now));
        task.touch(now);
        List<Task.Change> changes = List.of(Task.Change.of("attachment", null, stored.filename()));
        journal.record(task, actor, "attached", changes, now);
        journal.publish(new TaskEvent.TaskUpdated(task.id(), task.number(), changes, actor.userId(), now));
        tasks.saved(task);
        return attachment;
    }

    /** The task's attachments, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskAttachment> attachments(long taskId, Actor actor) {
        return attachments.findByTaskIdOrderByIdAsc(tasks.get(taskId, actor).id());
    }

    @Transactional(readOnly = true)
    public Content content(long taskId, long attachmentId, Actor actor) {
        Task task = tasks.get(taskId, actor);
        TaskAttachment attachment = attachments
                .findByIdAndTaskId(attachmentId, task.id())
                .orElseThrow(() -> AttachmentNotFound.forId(attachmentId));
        byte[] bytes = uploads.read(attachment.storageKey()).orElseThrow(() -> AttachmentNotFound.forId(attachmentId));
        return new Content(attachment, bytes);
    }

    /** No attachment with this id on the task. */
    public static final class AttachmentNotFound extends ApiProblem {
        private AttachmentNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "attachment-not-found", "No attachment " + id);
        }

        static AttachmentNotFound forId(long id) {
            return new AttachmentNotFound(id);
        }
    }
}
