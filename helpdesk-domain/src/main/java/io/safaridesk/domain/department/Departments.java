package io.safaridesk.domain.department;

import io.safaridesk.platform.error.ApiProblem;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The departments of the workspace in context. */
@Component
@Transactional
public class Departments {

    private final DepartmentRepository repository;
    private final Clock clock;

    Departments(DepartmentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** What an admin sets on a department. {@code version} guards against lost updates when given. */
    public record Details(String name, String supportEmail, boolean active, Integer version) {}

    @Transactional(readOnly = true)
    public List<Department> list(long afterId, int limit) {
        return repository.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public Department get(long id) {
        return repository.findById(id).orElseThrow(() -> DepartmentNotFound.forId(id));
    }

    public Department create(Details details) {
        if (repository.existsByNameIgnoreCase(details.name())) {
            throw DepartmentNameTaken.forName(details.name());
        }
        return repository.saveAndFlush(Department.create(details.name(), details.supportEmail(), clock.instant()));
    }

    public Department update(long id, Details details) {
        Department department = get(id);
        if (details.version() != null && details.version() != department.version()) {
            throw new ObjectOptimisticLockingFailureException(Department.class, id);
        }
        if (repository.existsByNameIgnoreCaseAndIdNot(details.name(), id)) {
            throw DepartmentNameTaken.forName(details.name());
        }
        department.update(details.name(), details.supportEmail(), details.active(), clock.instant());
        return repository.saveAndFlush(department);
    }

    /** Activates or deactivates a department; its members and tickets stay. */
    public Department changeStatus(long id, boolean active) {
        Department department = get(id);
        department.changeStatus(active, clock.instant());
        return repository.saveAndFlush(department);
    }

    /** Sets how the department's new tickets are assigned; {@code version}, when given, must be the department's. */
    public Department changeAssignment(long id, AssignmentMode mode, Integer version) {
        Department department = get(id);
        if (version != null && version != department.version()) {
            throw new ObjectOptimisticLockingFailureException(Department.class, id);
        }
        department.changeAssignment(mode, clock.instant());
        return repository.saveAndFlush(department);
    }

    /** Of {@code ids}, those that name no department of the workspace. */
    @Transactional(readOnly = true)
    public Set<Long> missing(Collection<Long> ids) {
        Set<Long> missing = new TreeSet<>(ids);
        repository.findAllById(ids).forEach(found -> missing.remove(found.id()));
        return missing;
    }

    /** Deletes a department; its memberships go with it, its agents stay. */
    public void delete(long id) {
        repository.delete(get(id));
    }

    /** No department with this id in the workspace. */
    public static final class DepartmentNotFound extends ApiProblem {
        private DepartmentNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "department-not-found", "No department " + id);
        }

        static DepartmentNotFound forId(long id) {
            return new DepartmentNotFound(id);
        }
    }

    /** Department names are unique within a workspace, ignoring case. */
    public static final class DepartmentNameTaken extends ApiProblem {
        private DepartmentNameTaken(String name) {
            super(HttpStatus.CONFLICT, "department-name-taken", "A department named '" + name + "' exists");
        }

        static DepartmentNameTaken forName(String name) {
            return new DepartmentNameTaken(name);
        }
    }
}
