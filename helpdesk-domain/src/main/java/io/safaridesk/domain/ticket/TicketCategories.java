package io.safaridesk.domain.ticket;

import io.safaridesk.domain.department.Departments;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's tree of ticket categories. Moving a category moves its subtree; a cycle is refused. */
@Component
@Transactional
public class TicketCategories {

    private final TicketCategoryRepository repository;
    private final Departments departments;
    private final Clock clock;

    TicketCategories(TicketCategoryRepository repository, Departments departments, Clock clock) {
        this.repository = repository;
        this.departments = departments;
        this.clock = clock;
    }

    /** What an admin sets on a category; {@code version} guards updates. */
    public record Details(
            String name, String description, Long parentId, Long departmentId, boolean active, Integer version) {
        public Details {
            name = name.trim();
        }
    }

    /** Every category, by name; clients build the tree from {@code parent_id}. */
    @Transactional(readOnly = true)
    public List<TicketCategory> list() {
        return repository.findAllByOrderByNameAscIdAsc();
    }

    @Transactional(readOnly = true)
    public TicketCategory get(long id) {
        return repository.findById(id).orElseThrow(() -> CategoryNotFound.forId(id));
    }

    /** The category a ticket names, or a 422 problem naming {@code field}. */
    @Transactional(readOnly = true)
    public TicketCategory forTicket(String field, long id) {
        return repository
                .findById(id)
                .orElseThrow(() -> ApiProblem.invalidField(field, "names no category of this workspace"));
    }

    public TicketCategory create(Details details) {
        check(details, null);
        return save(TicketCategory.create(details, clock.instant()));
    }

    public TicketCategory update(long id, Details details) {
        TicketCategory category = get(id);
        if (details.version() != null && details.version() != category.version()) {
            throw new ObjectOptimisticLockingFailureException(TicketCategory.class, id);
        }
        check(details, id);
        category.change(details, clock.instant());
        return save(category);
    }

    /** Deletes a leaf category; tickets in it keep no category. */
    public void delete(long id) {
        TicketCategory category = get(id);
        if (repository.existsByParentId(id)) {
            throw CategoryHasChildren.forId(id);
        }
        repository.delete(category);
    }

    private TicketCategory save(TicketCategory category) {
        try {
            return repository.saveAndFlush(category);
        } catch (DataIntegrityViolationException sameNameUnderSameParent) {
            throw new ApiProblem.InvalidInput(List.of(new FieldProblem("name", "is taken under this parent")));
        }
    }

    private void check(Details details, Long id) {
        if (details.departmentId() != null
                && !departments.missing(List.of(details.departmentId())).isEmpty()) {
            throw ApiProblem.invalidField("department_id", "names no department of this workspace");
        }
        Long ancestor = details.parentId();
        while (ancestor != null) {
            if (Objects.equals(ancestor, id)) {
                throw ApiProblem.invalidField("parent_id", "would put the category under itself");
            }
            ancestor = repository
                    .findById(ancestor)
                    .orElseThrow(() -> ApiProblem.invalidField("parent_id", "names no category of this workspace"))
                    .parentId();
        }
    }

    /** No category with this id in the workspace. */
    public static final class CategoryNotFound extends ApiProblem {
        private CategoryNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "ticket-category-not-found", "No ticket category " + id);
        }

        static CategoryNotFound forId(long id) {
            return new CategoryNotFound(id);
        }
    }

    /** Only leaves are deleted: move or delete the children first. */
    public static final class CategoryHasChildren extends ApiProblem {
        private CategoryHasChildren(long id) {
            super(HttpStatus.CONFLICT, "ticket-category-has-children", "Category " + id + " has sub-categories");
        }

        static CategoryHasChildren forId(long id) {
            return new CategoryHasChildren(id);
        }
    }
}
