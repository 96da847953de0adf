package io.safaridesk.domain.macro;

import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Tags;
import java.util.List;
import java.util.stream.Stream;

/**
 * The field changes a macro makes to a ticket; a null component leaves that field alone. Tags are normalised as a
 * ticket's are; a tag both added and removed is added.
 */
public record MacroActions(
        Long statusId,
        Priority priority,
        Long assigneeId,
        Long departmentId,
        List<String> addTags,
        List<String> removeTags) {

    public static final MacroActions NONE = new MacroActions(null, null, null, null, List.of(), List.of());

    public MacroActions {
        addTags = Tags.normalise(addTags);
        List<String> added = addTags;
        removeTags = Tags.normalise(removeTags).stream()
                .filter(tag -> !added.contains(tag))
                .toList();
    }

    /** The tags a ticket tagged {@code current} has after this macro. */
    public List<String> retag(List<String> current) {
        return Tags.normalise(Stream.concat(current.stream().filter(tag -> !removeTags.contains(tag)), addTags.stream())
                .toList());
    }

    boolean changesTags() {
        return !addTags.isEmpty() || !removeTags.isEmpty();
    }
}
