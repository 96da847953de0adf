package io.safaridesk.helpdesk.kb.web;

import static io.safaridesk.domain.apitoken.ApiScope.KB_MANAGE;
import static io.safaridesk.domain.apitoken.ApiScope.KB_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;
import static io.safaridesk.helpdesk.security.Caller.CUSTOMER;

import io.safaridesk.domain.kb.KbCategories;
import io.safaridesk.helpdesk.kb.web.KbViews.CategoryView;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base's category tree: everyone in the workspace reads it, admins change it. */
@Tag(name = "Knowledge base")
@RestController
class KbCategoryController {

    private final KbCategories categories;

    KbCategoryController(KbCategories categories) {
        this.categories = categories;
    }

    record CategoryRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            Long parentId,
            Integer position,
            Integer version) {

        KbCategories.Details toDetails() {
            return new KbCategories.Details(name, description, parentId, position == null ? 0 : position, version);
        }
    }

    @Operation(summary = "Every category by position and name; parent_id makes the tree")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/categories")
    List<CategoryView> list() {
        return categories.list().stream().map(CategoryView::of).toList();
    }

    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/categories/{id}")
    CategoryView get(@PathVariable long id) {
        return CategoryView.of(categories.get(id));
    }

    @Callers(value = ADMIN, tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/categories")
    ResponseEntity<CategoryView> create(@Valid @RequestBody CategoryRequest request) {
        CategoryView created = CategoryView.of(categories.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/kb/categories/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Renames or moves a category with its subtree; a move under its own subtree is 422")
    @Callers(value = ADMIN, tokens = KB_MANAGE)
    @PutMapping("/api/v1/kb/categories/{id}")
    CategoryView update(@PathVariable long id, @Valid @RequestBody CategoryRequest request) {
        return CategoryView.of(categories.update(id, request.toDetails()));
    }

    @Operation(summary = "Deletes a category without sub-categories; its articles keep no category")
    @Callers(value = ADMIN, tokens = KB_MANAGE)
    @DeleteMapping("/api/v1/kb/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        categories.delete(id);
    }
}
