package io.safaridesk.domain.kb;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's category tree, of any depth. A category is moved by changing its parent: its sub-categories
 * and articles come along; a move under itself or its own subtree is refused.
 */
@Component
@Transactional
public class KbCategories {

    private final KbCategoryRepository repository;
    private final Clock clock;

    KbCategories(KbCategoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** What an admin sets on a category; {@code version} guards updates. */
    public record Details(String name, String description, Long parentId, int position, Integer version) {
        public Details {
            name = name.strip();
        }
    }

    /** Every category, by position and name; clients build the tree from {@code parent_id}. */
    @Transactional(readOnly = true)
    public List<KbCategory> list() {
        return repository.findAllByOrderByPositionAscNameAscIdAsc();
    }

    @Transactional(readOnly = true)
    public KbCategory get(long id) {
        return repository.findById(id).orElseThrow(() -> KbCategoryNotFound.forId(id));
    }

    /** The ids of {@code id} and every category under it, or a 422 problem naming {@code field}. */
    @Transactional(readOnly = true)
    public List<Long> subtree(String field, long id) {
        if (!repository.existsById(id)) {
            throw ApiProblem.invalidField(field, "names no category of this workspace");
        }
        return repository.subtree(id);
    }

    /** Checks that {@code id} names a category, for an article; a 422 problem naming {@code field} otherwise. */
    @Transactional(readOnly = true)
    public void check(String field, Long id) {
        if (id != null && !repository.existsById(id)) {
            throw ApiProblem.invalidField(field, "names no category of this workspace");
        }
    }

    public KbCategory create(Details details) {
        checkParent(details.parentId(), null);
        return save(KbCategory.create(details, clock.instant()));
    }

    public KbCategory update(long id, Details details) {
        KbCategory category = get(id);
        if (details.version() != null && details.version() != category.version()) {
            throw new ObjectOptimisticLockingFailureException(KbCategory.class, id);
        }
        checkParent(details.parentId(), id);
        category.change(details, clock.instant());
        return save(category);
    }

    /** Deletes a category without sub-categories; its articles keep no category. */
    public void delete(long id) {
        KbCategory category = get(id);
        if (repository.existsByParentId(id)) {
            throw KbCategoryHasChildren.forId(id);
        }
        repository.delete(category);
    }

    private KbCategory save(KbCategory category) {
        try {
            return repository.saveAndFlush(category);
        } catch (DataIntegrityViolationException sameNameUnderSameParent) {
            throw new ApiProblem.InvalidInput(List.of(new FieldProblem("name", "is taken under this parent")));
        }
    }

    /** The parent must exist and must not be the category itself or lie in its subtree. */
    private void checkParent(Long parentId, Long id) {
        if (parentId == null) {
            return;
        }
        check("parent_id", parentId);
        if (id != null && repository.subtree(id).contains(parentId)) {
            throw ApiProblem.invalidField("parent_id", "would put the category under itself");
        }
    }

    /** No knowledge-base category with this id in the workspace. */
    public static final class KbCategoryNotFound extends ApiProblem {
        private KbCategoryNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "kb-category-not-found", "No knowledge base category " + id);
        }

        static KbCategoryNotFound forId(long id) {
            return new KbCategoryNotFound(id);
        }
    }

    /** Only leaves are deleted: move or delete the sub-categories first. */
    public static final class KbCategoryHasChildren extends ApiProblem {
        private KbCategoryHasChildren(long id) {
            super(HttpStatus.CONFLICT, "kb-category-has-children", "Category " + id + " has sub-categories");
        }

        static KbCategoryHasChildren forId(long id) {
            return new KbCategoryHasChildren(id);
        }
    }
}
