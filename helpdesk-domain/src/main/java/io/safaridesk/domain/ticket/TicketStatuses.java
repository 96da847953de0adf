package io.safaridesk.domain.ticket;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.tenancy.WorkspaceCache;
import io.safaridesk.platform.tenancy.WorkspaceCaches;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's ticket statuses: a seeded set (Open, In progress, Pending, On hold, Resolved, Closed) that admins
 * rename, extend, reorder, retire and restrict.
 */
@Component
@Transactional
public class TicketStatuses {

    private final TicketStatusRepository repository;
    private final Clock clock;
    private final WorkspaceCache<Boolean, List<TicketStatus>> cache;

    TicketStatuses(TicketStatusRepository repository, Clock clock, WorkspaceCaches caches) {
        this.repository = repository;
        this.clock = clock;
        this.cache = caches.create(10_000, TicketStatus.class);
    }

    /**
     * What an admin sets on a status; {@code allowedNext} empty allows every move; {@code pausesSla} null means "when
     * the category is PENDING"; {@code version} guards updates.
     */
    public record Details(
            String name, StatusCategory category, Set<Long> allowedNext, Boolean pausesSla, Integer version) {
        public Details {
            name = name.trim();
            allowedNext = allowedNext == null ? Set.of() : Set.copyOf(allowedNext);
        }
    }

    /**
     * Every status, retired ones too, in display order; from the workspace's cache (see {@link WorkspaceCache}): the
     * statuses are shared, read-only.
     */
    @Transactional(readOnly = true)
    public List<TicketStatus> list() {
        return cache.get(
                true,
                () -> repository.findAllWithTransitions().stream()
                        .map(TicketStatus::sharedCopy)
                        .toList());
    }

    @Transactional(readOnly = true)
    public TicketStatus get(long id) {
        return cached(s -> s.id() == id).or(() -> repository.findById(id)).orElseThrow(() -> StatusNotFound.forId(id));
    }

    /** The status a client names by id or by name (any case), or a 422 problem naming {@code field}. */
    @Transactional(readOnly = true)
    public TicketStatus named(String field, String idOrName) {
        String value = idOrName.trim();
        boolean byId = value.chars().allMatch(Character::isDigit) && !value.isEmpty();
        return (byId
                        ? cached(s -> s.id() == Long.parseLong(value))
                                .or(() -> repository.findById(Long.parseLong(value)))
                        : cached(s -> s.name().equalsIgnoreCase(value))
                                .or(() -> repository.findByNameIgnoreCase(value)))
                .orElseThrow(() -> ApiProblem.invalidField(field, "names no status of this workspace"));
    }

    /** The status new tickets start in. */
    @Transactional(readOnly = true)
    public TicketStatus initial() {
        return cached(TicketStatus::isDefault)
                .or(repository::findByDefaultStatusTrue)
                .orElseThrow(() -> new IllegalStateException("The workspace has no default ticket status"));
    }

    /** A status another instance made a moment ago may not be cached yet: callers fall back to the table. */
    private Optional<TicketStatus> cached(Predicate<TicketStatus> which) {
        return list().stream().filter(which).findFirst();
    }

    /** The status as stored, for changing it (never the shared cached one). */
    private TicketStatus stored(long id) {
        return repository.findById(id).orElseThrow(() -> StatusNotFound.forId(id));
    }

    public TicketStatus create(Details details) {
        checkName(details.name(), 0);
        checkTransitions(details.allowedNext());
        int position = repository.findAllByOrderByPositionAscIdAsc().stream()
                        .mapToInt(TicketStatus::position)
                        .max()
                        .orElse(0)
                + 1;
        return repository.saveAndFlush(TicketStatus.create(details, position, clock.instant()));
    }

    public TicketStatus update(long id, Details details) {
        TicketStatus status = stored(id);
        if (details.version() != null && details.version() != status.version()) {
            throw new ObjectOptimisticLockingFailureException(TicketStatus.class, id);
        }
        checkName(details.name(), id);
        checkTransitions(details.allowedNext());
        if (status.isDefault() && details.category() != StatusCategory.OPEN) {
            throw ApiProblem.invalidField("category", "of the default status must be OPEN");
        }
        status.change(details.name(), details.category(), details.allowedNext(), details.pausesSla(), clock.instant());
        return repository.saveAndFlush(status);
    }

    /** Puts the statuses in the order of {@code ids}, which must name every status once. */
    public List<TicketStatus> reorder(List<Long> ids) {
        Map<Long, TicketStatus> byId = repository.findAllByOrderByPositionAscIdAsc().stream()
                .collect(Collectors.toMap(TicketStatus::id, Function.identity()));
        if (ids.size() != byId.size() || !byId.keySet().equals(new HashSet<>(ids))) {
            throw ApiProblem.invalidField("status_ids", "must name every status of the workspace exactly once");
        }
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i++) {
            byId.get(ids.get(i)).moveTo(i + 1, now);
        }
        repository.flush();
        return repository.findAllByOrderByPositionAscIdAsc();
    }

    /** New tickets start in this status from now on; it must be an active OPEN status. */
    public TicketStatus makeDefault(long id) {
        TicketStatus status = stored(id);
        if (status.retired() || status.category() != StatusCategory.OPEN) {
            throw ApiProblem.invalidField("id", "the default status must be an active OPEN status");
        }
        Instant now = clock.instant();
        repository.findByDefaultStatusTrue().ifPresent(old -> {
            old.makeDefault(false, now);
            repository.saveAndFlush(old);
        });
        status.makeDefault(true, now);
        return repository.saveAndFlush(status);
    }

    /** Retires a status: tickets in it stay, no ticket moves into it. The default status cannot retire. */
    public TicketStatus retire(long id) {
        TicketStatus status = stored(id);
        if (status.isDefault()) {
            throw DefaultStatus.cannotRetire(id);
        }
        status.retire(clock.instant());
        return repository.saveAndFlush(status);
    }

    private void checkName(String name, long id) {
        if (repository.existsByNameIgnoreCaseAndIdNot(name, id)) {
            throw StatusNameTaken.forName(name);
        }
    }

    private void checkTransitions(Set<Long> allowedNext) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> missing = new HashSet<>(allowedNext);
        repository.findAllById(allowedNext).forEach(s -> missing.remove(s.id()));
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("allowed_next", "no such status: " + missing));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
    }

    /** No status with this id in the workspace. */
    public static final class StatusNotFound extends ApiProblem {
        private StatusNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "ticket-status-not-found", "No ticket status " + id);
        }

        static StatusNotFound forId(long id) {
            return new StatusNotFound(id);
        }
    }

    /** Status names are unique within a workspace, ignoring case. */
    public static final class StatusNameTaken extends ApiProblem {
        private StatusNameTaken(String name) {
            super(
                    HttpStatus.CONFLICT,
                    "ticket-status-name-taken",
                    "A status named '" + name + "' exists",
                    List.of(new FieldProblem("name", "is taken")));
        }

        static StatusNameTaken forName(String name) {
            return new StatusNameTaken(name);
        }
    }

    /** New tickets need a status to start in. */
    public static final class DefaultStatus extends ApiProblem {
        private DefaultStatus(long id) {
            super(
                    HttpStatus.CONFLICT,
                    "default-ticket-status",
                    "Status " + id + " is where new tickets start; make another status the default first");
        }

        static DefaultStatus cannotRetire(long id) {
            return new DefaultStatus(id);
        }
    }
}
