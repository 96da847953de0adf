package io.safaridesk.helpdesk.task.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.task.TaskSearch;
import io.safaridesk.domain.task.TaskStatus;
import io.safaridesk.domain.task.Tasks;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.task.web.TaskRequests.CreateTaskRequest;
import io.safaridesk.helpdesk.task.web.TaskRequests.SeedStatusRequest;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The seed's task endpoints, which existing SafariDesk clients call; each maps onto the REST resources. */
@Callers({ADMIN, AGENT})
@Tag(name = "Tasks (seed paths)")
@RestController
@RequestMapping("/api/v1/task")
class SeedTaskController {

    private final Tasks tasks;
    private final TaskSearch search;
    private final TaskViews views;

    SeedTaskController(Tasks tasks, TaskSearch search, TaskViews views) {
        this.tasks = tasks;
        this.search = search;
        this.views = views;
    }

    @Operation(summary = "As GET /api/v1/tasks")
    @GetMapping("/list")
    TaskViews.TaskPage list(TaskListParameters parameters, Actor actor) {
        var query = parameters.toQuery(actor);
        return views.page(search.list(query, actor), query.limit());
    }

    @Operation(summary = "As POST /api/v1/tasks")
    @PostMapping("/create")
    @ResponseStatus(HttpStatus.CREATED)
    TaskView create(@Valid @RequestBody CreateTaskRequest request, Actor actor) {
        return views.of(tasks.create(request.toCommand(), actor));
    }

    @Operation(
            summary = "Moves a task to a status; the path names no task, the body does: {task_id (the id, or the"
                    + " number as TSK-1042), status, version}")
    @PutMapping("/update-status")
    TaskView updateStatus(@Valid @RequestBody SeedStatusRequest request, Actor actor) {
        TaskStatus status = TaskStatus.of("status", request.status());
        return views.of(tasks.changeStatus(id(request.taskId(), actor), status, request.version(), actor));
    }

    private long id(String taskId, Actor actor) {
        String value = taskId.strip();
        if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        String digits = value.replaceFirst("^[A-Za-z]+-", "");
        if (digits.isEmpty() || digits.length() >= 19 || !digits.chars().allMatch(Character::isDigit)) {
            throw ApiProblem.invalidField("task_id", "is not a task id or a task number such as TSK-1042");
        }
        return tasks.getByNumber(Long.parseLong(digits), actor).id();
    }
}
