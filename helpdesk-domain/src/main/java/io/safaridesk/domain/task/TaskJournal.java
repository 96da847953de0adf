package io.safaridesk.domain.task;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes down what happened to tasks: activity rows for the history, events for the outbox, in one transaction. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TaskJournal {

    private final TaskActivityRepository activities;
    private final DomainEvents events;

    TaskJournal(TaskActivityRepository activities, DomainEvents events) {
        this.activities = activities;
        this.events = events;
    }

    /** One activity row per change (or one without a field when there is none), all at {@code at}. */
    void record(Task task, Actor actor, String action, List<Task.Change> changes, Instant at) {
        if (changes.isEmpty()) {
            activities.save(new TaskActivity(task.id(), actor.userId(), actor.name(), action, null, at));
        }
        changes.forEach(change ->
                activities.save(new TaskActivity(task.id(), actor.userId(), actor.name(), action, change, at)));
    }

    void publish(TaskEvent event) {
        events.record(event.routingKey(), event);
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    List<TaskActivity> history(long taskId, long afterId, int limit) {
        return activities.findByTaskIdAndIdGreaterThanOrderByIdAsc(taskId, afterId, Limit.of(limit));
    }
}
