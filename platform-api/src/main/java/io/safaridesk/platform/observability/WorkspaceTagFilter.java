package io.safaridesk.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;

/**
 * Keeps the {@code workspace} tag of every meter bounded: the value stays only for the workspaces an operator names
 * ({@code safaridesk.metrics.workspaces}, e.g. the largest customers), every other workspace counts under
 * {@value #OTHER}. The number of series per meter is so at most the list's size plus one, whatever the number of
 * workspaces.
 */
final class WorkspaceTagFilter implements MeterFilter {

    static final String TAG = "workspace";
    static final String OTHER = "other";

    private final Set<String> named;

    WorkspaceTagFilter(Set<String> named) {
        this.named = Set.copyOf(named);
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String workspace = id.getTag(TAG);
        if (workspace == null || named.contains(workspace)) {
            return id;
        }
        List<Tag> tags = id.getTags().stream()
                .map(tag -> tag.getKey().equals(TAG) ? Tag.of(TAG, OTHER) : tag)
                .toList();
        return id.replaceTags(tags);
    }
}
