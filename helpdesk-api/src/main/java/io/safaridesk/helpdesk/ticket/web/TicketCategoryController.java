package io.safaridesk.helpdesk.ticket.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;
import static io.safaridesk.helpdesk.security.Caller.CUSTOMER;

import io.safaridesk.domain.ticket.TicketCategories;
import io.safaridesk.domain.ticket.TicketCategory;
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

/** Ticket categories, at the REST path and at the seed's {@code /api/v1/ticket/category/}. */
@Tag(name = "Ticket categories")
@RestController
class TicketCategoryController {

    private final TicketCategories categories;

    TicketCategoryController(TicketCategories categories) {
        this.categories = categories;
    }

    record CategoryRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            Long parentId,
            Long departmentId,
            Boolean active,
            Integer version) {

        TicketCategories.Details toDetails() {
            return new TicketCategories.Details(
                    name, description, parentId, departmentId, active == null || active, version);
        }
    }

    record CategoryView(
            long id, String name, String description, Long parentId, Long departmentId, boolean active, int version) {

        static CategoryView of(TicketCategory c) {
            return new CategoryView(
                    c.id(), c.name(), c.description(), c.parentId(), c.departmentId(), c.active(), c.version());
        }
    }

    @Operation(summary = "Every category by name; parent_id makes the tree")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = TICKETS_READ)
    @GetMapping({"/api/v1/ticket-categories", "/api/v1/ticket/category"})
    List<CategoryView> list() {
        return categories.list().stream().map(CategoryView::of).toList();
    }

    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = TICKETS_READ)
    @GetMapping({"/api/v1/ticket-categories/{id}", "/api/v1/ticket/category/{id}"})
    CategoryView get(@PathVariable long id) {
        return CategoryView.of(categories.get(id));
    }

    @Callers(ADMIN)
    @PostMapping({"/api/v1/ticket-categories", "/api/v1/ticket/category"})
    ResponseEntity<CategoryView> create(@Valid @RequestBody CategoryRequest request) {
        CategoryView created = CategoryView.of(categories.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/ticket-categories/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Renames or moves a category (with its subtree); a move under its own subtree is refused")
    @Callers(ADMIN)
    @PutMapping({"/api/v1/ticket-categories/{id}", "/api/v1/ticket/category/{id}"})
    CategoryView update(@PathVariable long id, @Valid @RequestBody CategoryRequest request) {
        return CategoryView.of(categories.update(id, request.toDetails()));
    }

    @Operation(summary = "Deletes a category without sub-categories; its tickets keep no category")
    @Callers(ADMIN)
    @DeleteMapping({"/api/v1/ticket-categories/{id}", "/api/v1/ticket/category/{id}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        categories.delete(id);
    }
}
