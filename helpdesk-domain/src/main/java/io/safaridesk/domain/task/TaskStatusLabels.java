package io.safaridesk.domain.task;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names a workspace gives the five task statuses ({@code To do}, {@code In progress}, ... by default). The keys
 * never change; labels are 1 to 50 characters and unique ignoring case.
 */
@Component
@Transactional
public class TaskStatusLabels {

    static final int MAX_LABEL = 50;

    private final TaskStatusLabelRepository labels;
    private final Clock clock;

    TaskStatusLabels(TaskStatusLabelRepository labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    /** The five statuses with their labels, in display order. */
    @Transactional(readOnly = true)
    public List<TaskStatusLabel> list() {
        return labels.findAllByOrderByPositionAsc();
    }

    /** Renames the statuses named by key ({@code todo}, {@code in_progress}, ...); the others keep their labels. */
    public List<TaskStatusLabel> rename(Map<String, String> renames) {
        List<FieldProblem> problems = new ArrayList<>();
        if (renames == null || renames.isEmpty()) {
            throw ApiProblem.invalidField("labels", "must name at least one status");
        }
        List<TaskStatusLabel> all = labels.findAllByOrderByPositionAsc();
        Instant now = clock.instant();
        renames.forEach((key, label) -> {
            String field = "labels." + key;
            TaskStatus status;
            try {
                status = TaskStatus.of(field, key);
            } catch (ApiProblem e) {
                problems.addAll(e.fields());
                return;
            }
            if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
                problems.add(new FieldProblem(field, "must be 1 to " + MAX_LABEL + " characters"));
                return;
            }
            all.stream().filter(l -> l.status() == status).forEach(l -> l.rename(label.strip(), now));
        });
        Set<String> seen = new HashSet<>();
        for (TaskStatusLabel label : all) {
            if (!seen.add(label.label().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(
                        "labels." + label.status().name().toLowerCase(Locale.ROOT), "is the label of another status"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return labels.saveAllAndFlush(all);
    }
}
