package io.safaridesk.helpdesk.kb.web;

import static io.safaridesk.domain.apitoken.ApiScope.KB_MANAGE;
import static io.safaridesk.domain.apitoken.ApiScope.KB_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;
import static io.safaridesk.helpdesk.security.Caller.CUSTOMER;

import io.safaridesk.domain.kb.KbArticles;
import io.safaridesk.domain.kb.KbRevision;
import io.safaridesk.domain.kb.KbSearch;
import io.safaridesk.helpdesk.kb.web.KbViews.ArticleSummary;
import io.safaridesk.helpdesk.kb.web.KbViews.ArticleView;
import io.safaridesk.helpdesk.kb.web.KbViews.RevisionPage;
import io.safaridesk.helpdesk.kb.web.KbViews.RevisionView;
import io.safaridesk.helpdesk.kb.web.KbViews.SearchView;
import io.safaridesk.helpdesk.kb.web.KbViews.StatsView;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge base articles for the workspace's users: staff write and review them, customers read published public
 * ones. The seed's {@code /api/v1/kb/articles/} and {@code /api/v1/kb/articles/search/} are these resources.
 */
@Tag(name = "Knowledge base")
@RestController
@Validated
class KbArticleController {

    private final KbArticles articles;
    private final KbSearch search;

    KbArticleController(KbArticles articles, KbSearch search) {
        this.articles = articles;
        this.search = search;
    }

    record ArticleRequest(
            @NotBlank @Size(max = 250) String title,
            @Size(max = 120) String slug,
            @Size(max = 1000) String excerpt,
            @NotBlank @Size(max = 500_000) String body,
            @Size(max = 50) List<@Size(max = 50) String> tags,
            @Size(max = 35) String language,
            Long categoryId,
            String visibility,
            Integer version) {

        KbArticles.Draft toDraft() {
            return new KbArticles.Draft(title, slug, excerpt, body, tags, language, categoryId, visibility, version);
        }
    }

    /** A review step; {@code comment} is required to reject. */
    record StepRequest(@Size(max = 2000) String comment, Integer version) {}

    record FeedbackRequest(@NotNull Boolean helpful) {}

    @Operation(
            summary = "Articles in id order: staff see all (filters status, visibility), customers published public"
                    + " ones; filters category (with its subtree), tag, language")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/articles")
    KeysetPage<ArticleSummary> list(
            KbListParameters parameters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            Actor actor) {
        return KeysetPage.of(
                search.list(parameters.toFilter(), audience(actor), Cursor.decodeId(cursor), limit).stream()
                        .map(ArticleSummary::of)
                        .toList(),
                limit,
                ArticleSummary::id);
    }

    @Operation(
            summary = "Full-text search (web-search syntax, the last word also as a prefix) by rank, with highlighted"
                    + " title and snippet; same filters as the list")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/articles/search")
    SearchView search(
            @RequestParam(required = false) String q,
            KbListParameters parameters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            Actor actor) {
        return SearchView.of(search.search(q, parameters.toFilter(), audience(actor), cursor, limit));
    }

    @Operation(summary = "Writes a draft article (admins and agents); the body's HTML is sanitised")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles")
    ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleRequest request, Actor actor) {
        ArticleView created = ArticleView.of(articles.create(request.toDraft(), actor));
        return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + created.id()))
                .body(created);
    }

    @Operation(summary = "One article with its views and votes; a customer's read counts as a view once a day")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/articles/{id}")
    ArticleView get(@PathVariable long id, Actor actor) {
        return ArticleView.of(articles.read(id, actor), actor.isStaff());
    }

    @Operation(
            summary = "Changes an article (a new revision when its content changes); agents change drafts and articles"
                    + " in review only")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PutMapping("/api/v1/kb/articles/{id}")
    ArticleView update(@PathVariable long id, @Valid @RequestBody ArticleRequest request, Actor actor) {
        return ArticleView.of(articles.update(id, request.toDraft(), actor));
    }

    @Operation(summary = "Deletes an article with its revisions and analytics (admins)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @DeleteMapping("/api/v1/kb/articles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Actor actor) {
        articles.delete(id, actor);
    }

    @Operation(summary = "Publishes (admins) or submits for review (agents)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles/{id}/publish")
    ArticleView publish(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request, Actor actor) {
        return ArticleView.of(articles.publish(id, version(request), actor));
    }

    @Operation(summary = "Approves an article in review: it is published (admins)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles/{id}/approve")
    ArticleView approve(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request, Actor actor) {
        return ArticleView.of(articles.approve(id, comment(request), version(request), actor));
    }

    @Operation(summary = "Rejects an article in review back to draft with a comment (admins)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles/{id}/reject")
    ArticleView reject(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request, Actor actor) {
        return ArticleView.of(articles.reject(id, comment(request), version(request), actor));
    }

    @Operation(summary = "Archives an article: readers no longer see it (admins)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles/{id}/archive")
    ArticleView archive(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request, Actor actor) {
        return ArticleView.of(articles.archive(id, version(request), actor));
    }

    @Operation(summary = "Back to draft: admins unpublish or unarchive; agents withdraw an article from review")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles/{id}/draft")
    ArticleView draft(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request, Actor actor) {
        return ArticleView.of(articles.toDraft(id, version(request), actor));
    }

    @Operation(summary = "The article's revisions, newest first (staff)")
    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/articles/{id}/revisions")
    RevisionPage revisions(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            Actor actor) {
        List<KbRevision> page = articles.revisions(id, (int) Cursor.decodeId(cursor), limit, actor);
        return new RevisionPage(
                page.stream().map(RevisionView::of).toList(),
                page.size() == limit ? Cursor.encodeId(page.getLast().revision()) : null);
    }

    @Callers(
            value = {ADMIN, AGENT, CUSTOMER},
            tokens = KB_READ)
    @GetMapping("/api/v1/kb/articles/{id}/revisions/{revision}")
    RevisionView revision(@PathVariable long id, @PathVariable int revision, Actor actor) {
        return RevisionView.of(articles.revision(id, revision, actor));
    }

    @Operation(summary = "Makes a revision's content current again, as a new revision")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = KB_MANAGE)
    @PostMapping("/api/v1/kb/articles/{id}/revisions/{revision}/restore")
    ArticleView restore(
            @PathVariable long id,
            @PathVariable int revision,
            @Valid @RequestBody(required = false) StepRequest request,
            Actor actor) {
        return ArticleView.of(articles.restore(id, revision, version(request), actor));
    }

    @Operation(summary = "Helpful or not: one vote per user and published article; voting again changes it")
    @Callers({ADMIN, AGENT, CUSTOMER})
    @PostMapping("/api/v1/kb/articles/{id}/feedback")
    StatsView feedback(@PathVariable long id, @Valid @RequestBody FeedbackRequest request, Actor actor) {
        return StatsView.of(articles.vote(id, request.helpful(), actor));
    }

    private static KbSearch.Audience audience(Actor actor) {
        return actor.isStaff() ? KbSearch.Audience.STAFF : KbSearch.Audience.READER;
    }

    private static Integer version(StepRequest request) {
        return request == null ? null : request.version();
    }

    private static String comment(StepRequest request) {
        return request == null ? null : request.comment();
    }
}
