package io.safaridesk.domain.task;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a task, as the worker and real-time clients learn it: version 1 JSON records on the events
 * exchange, routed by {@link #routingKey()} ({@code task.created}, ...; {@code task.#} binds them all).
 */
public sealed interface TaskEvent {

    /** Every task event's routing key starts so. */
    String TASK_EVENTS = "task.";

    long taskId();

    long number();

    String actorId();

    Instant at();

    String routingKey();

    record TaskCreated(
            long taskId,
            long number,
            String title,
            Long ticketId,
            Long departmentId,
            Long assigneeId,
            String actorId,
            Instant at)
            implements TaskEvent {
        public String routingKey() {
            return TASK_EVENTS + "created";
        }
    }

    record TaskAssigned(long taskId, long number, Long assigneeId, Long previousAssigneeId, String actorId, Instant at)
            implements TaskEvent {
        public String routingKey() {
            return TASK_EVENTS + "assigned";
        }
    }

    record TaskStatusChanged(
            long taskId, long number, TaskStatus fromStatus, TaskStatus toStatus, String actorId, Instant at)
            implements TaskEvent {
        public String routingKey() {
            return TASK_EVENTS + "status-changed";
        }
    }

    /** Other field changes: title, description, priority, due date, department, ticket, archive, trash, files. */
    record TaskUpdated(long taskId, long number, List<Task.Change> changes, String actorId, Instant at)
            implements TaskEvent {
        public String routingKey() {
            return TASK_EVENTS + "updated";
        }
    }

    record CommentAdded(long taskId, long number, long commentId, Long authorAgentId, String actorId, Instant at)
            implements TaskEvent {
        public String routingKey() {
            return TASK_EVENTS + "comment-added";
        }
    }

    /** An agent was @mentioned in a comment; one event per mentioned agent. */
    record MentionMade(long taskId, long number, long commentId, long agentId, String actorId, Instant at)
            implements TaskEvent {
        public String routingKey() {
            return TASK_EVENTS + "mention-made";
        }
    }
}
