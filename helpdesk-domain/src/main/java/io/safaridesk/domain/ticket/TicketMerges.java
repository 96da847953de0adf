package io.safaridesk.domain.ticket;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges tickets into a target, in one transaction: the sources' messages, attachments and watchers move to the
 * target, each source is closed (in the first active CLOSED status) pointing at the target, both sides record it, and
 * one {@link TicketEvent.TicketMerged} is published. A target among the sources, a merged target, an already merged
 * source and a merge that would close a cycle are refused; a ticket the caller cannot see is a 404. Concurrent merges
 * of the same tickets conflict on the tickets' versions (409), so no cycle can form between them.
 */
@Component
@Transactional
public class TicketMerges {

    static final int MAX_SOURCES = 100;

    private final Tickets tickets;
    private final TicketRepository repository;
    private final MergeRepository merges;
    private final TicketStatuses statuses;
    private final TicketJournal journal;
    private final Clock clock;

    TicketMerges(
            Tickets tickets,
            TicketRepository repository,
            MergeRepository merges,
            TicketStatuses statuses,
            TicketJournal journal,
            Clock clock) {
        this.tickets = tickets;
        this.repository = repository;
        this.merges = merges;
        this.statuses = statuses;
        this.journal = journal;
        this.clock = clock;
    }

    /** Merges {@code sourceIds} into {@code targetId}; {@code note}, when given, becomes an internal note there. */
    public Ticket merge(long targetId, List<Long> sourceIds, String note, Actor actor) {
        Set<Long> ids = checked(targetId, sourceIds);
        Ticket target = tickets.get(targetId, actor);
        List<Ticket> sources = ids.stream().map(id -> tickets.get(id, actor)).toList();
        if (target.mergedIntoId() != null) {
            throw reachesAny(target, ids) ? MergeRefused.cycle(targetId) : Tickets.TicketMerged.forId(targetId);
        }
        for (Ticket source : sources) {
            if (source.mergedIntoId() != null) {
                throw MergeRefused.alreadyMerged(source.id());
            }
        }
        TicketStatus closed = statuses.list().stream()
                .filter(s -> s.category() == StatusCategory.CLOSED && !s.retired())
                .findFirst()
                .orElseThrow(MergeRefused::noClosedStatus);
        Instant now = clock.instant();
        for (Ticket source : sources) {
            List<Ticket.Change> changes = source.mergeInto(target, statuses.get(source.statusId()), closed, now);
            journal.record(source, actor, "merged", changes, now);
        }
        repository.saveAllAndFlush(sources);
        merges.moveMessages(target.id(), ids);
        merges.moveAttachments(target.id(), ids);
        merges.copyWatchers(target.id(), ids);
        merges.dropWatchers(ids);
        if (note != null && !note.isBlank()) {
            TicketText text = TicketText.fromHtml(note);
            merges.addNote(target.id(), actor.agentId(), actor.name(), text.html(), text.text());
        }
        List<Long> numbers = sources.stream().map(Ticket::number).toList();
        target.touch(now);
        journal.record(
                target,
                actor,
                "merged",
                List.of(Ticket.Change.of(
                        "merged_from",
                        null,
                        numbers.stream().map(String::valueOf).collect(Collectors.joining(",")))),
                now);
        journal.publish(new TicketEvent.TicketMerged(
                target.id(), target.number(), List.copyOf(ids), numbers, actor.userId(), now));
        return tickets.saved(target);
    }

    private static Set<Long> checked(long targetId, List<Long> sourceIds) {
        if (sourceIds == null || sourceIds.isEmpty() || sourceIds.size() > MAX_SOURCES) {
            throw ApiProblem.invalidField("source_ids", "must name 1 to " + MAX_SOURCES + " tickets");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < sourceIds.size(); i++) {
            if (sourceIds.get(i) == null) {
                problems.add(new FieldProblem("source_ids[" + i + "]", "is required"));
            } else if (sourceIds.get(i) == targetId) {
                problems.add(
                        new FieldProblem("source_ids[" + i + "]", "is the target: a ticket cannot merge into itself"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
        return new LinkedHashSet<>(sourceIds);
    }

    /** Whether following the target's merges leads to one of the sources. */
    private boolean reachesAny(Ticket target, Set<Long> sourceIds) {
        Set<Long> seen = new HashSet<>();
        Long next = target.mergedIntoId();
        while (next != null && seen.add(next)) {
            if (sourceIds.contains(next)) {
                return true;
            }
            next = repository.findById(next).map(Ticket::mergedIntoId).orElse(null);
        }
        return false;
    }

    /** A merge that cannot be done. */
    public static final class MergeRefused extends ApiProblem {
        private MergeRefused(String type, String detail) {
            super(HttpStatus.CONFLICT, type, detail);
        }

        static MergeRefused alreadyMerged(long id) {
            return new MergeRefused("ticket-merged", "Ticket " + id + " was already merged into another ticket");
        }

        static MergeRefused cycle(long targetId) {
            return new MergeRefused(
                    "merge-cycle", "Ticket " + targetId + " was merged into one of the sources: that would be a cycle");
        }

        static MergeRefused noClosedStatus() {
            return new MergeRefused("no-closed-status", "The workspace has no active status of category CLOSED");
        }
    }
}
