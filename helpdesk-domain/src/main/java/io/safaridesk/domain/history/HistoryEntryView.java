package io.safaridesk.domain.history;

import java.time.Instant;

/** A history entry as the APIs show it. */
public record HistoryEntryView(
        long id,
        String actorId,
        String actorName,
        String action,
        String field,
        String oldValue,
        String newValue,
        Instant createdAt) {

    public static HistoryEntryView of(HistoryEntry e) {
        return new HistoryEntryView(
                e.id(), e.actorId(), e.actorName(), e.action(), e.field(), e.oldValue(), e.newValue(), e.createdAt());
    }
}
