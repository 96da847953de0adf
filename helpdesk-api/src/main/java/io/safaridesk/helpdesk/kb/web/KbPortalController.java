package io.safaridesk.helpdesk.kb.web;

import static io.safaridesk.helpdesk.security.Caller.ANYONE;

import io.safaridesk.helpdesk.kb.PortalKnowledgeBase;
import io.safaridesk.helpdesk.kb.web.KbViews.ArticleSummary;
import io.safaridesk.helpdesk.kb.web.KbViews.ArticleView;
import io.safaridesk.helpdesk.kb.web.KbViews.CategoryView;
import io.safaridesk.helpdesk.kb.web.KbViews.RankedView;
import io.safaridesk.helpdesk.kb.web.KbViews.SearchView;
import io.safaridesk.helpdesk.kb.web.KbViews.StatsView;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.web.ClientAddresses;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public knowledge base of workspace {@code {slug}}'s portal: no token, published public articles only, found by
 * their slug. Unknown, malformed or suspended workspaces are 404 {@code portal-not-found}.
 */
@Callers(ANYONE)
@Tag(name = "Customer portal")
@RestController
@Validated
class KbPortalController {

    private final PortalKnowledgeBase kb;

    private final ClientAddresses addresses;

    KbPortalController(PortalKnowledgeBase kb, ClientAddresses addresses) {
        this.kb = kb;
        this.addresses = addresses;
    }

    record FeedbackRequest(@NotNull Boolean helpful) {}

    @GetMapping("/api/v1/portal/{slug}/kb/categories")
    List<CategoryView> categories(@PathVariable String slug) {
        return kb.categories(slug).stream().map(CategoryView::of).toList();
    }

    @Operation(summary = "Published public articles in id order; filters category (with its subtree), tag, language")
    @GetMapping("/api/v1/portal/{slug}/kb/articles")
    KeysetPage<ArticleSummary> list(
            @PathVariable String slug,
            KbListParameters parameters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        return KeysetPage.of(
                kb.list(slug, parameters.toFilter(), Cursor.decodeId(cursor), limit).stream()
                        .map(ArticleSummary::of)
                        .toList(),
                limit,
                ArticleSummary::id);
    }

    @Operation(summary = "Full-text search over published public articles, by rank, with highlights")
    @GetMapping("/api/v1/portal/{slug}/kb/articles/search")
    SearchView search(
            @PathVariable String slug,
            @RequestParam(required = false) String q,
            KbListParameters parameters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            HttpServletRequest http) {
        return SearchView.of(kb.search(slug, q, parameters.toFilter(), cursor, limit, visitor(http)));
    }

    @Operation(summary = "The most viewed published public articles")
    @GetMapping("/api/v1/portal/{slug}/kb/articles/popular")
    List<RankedView> popular(
            @PathVariable String slug, @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return kb.popular(slug, limit).stream().map(RankedView::of).toList();
    }

    @Operation(summary = "One published public article by its slug; counts a view once per visitor and day")
    @GetMapping("/api/v1/portal/{slug}/kb/articles/{article}")
    ArticleView article(@PathVariable String slug, @PathVariable String article, HttpServletRequest http) {
        return ArticleView.of(kb.read(slug, article, visitor(http)), false);
    }

    @Operation(summary = "Helpful or not: one vote per visitor; voting again changes it")
    @PostMapping("/api/v1/portal/{slug}/kb/articles/{article}/feedback")
    StatsView feedback(
            @PathVariable String slug,
            @PathVariable String article,
            @Valid @RequestBody FeedbackRequest request,
            HttpServletRequest http) {
        return StatsView.of(kb.vote(slug, article, request.helpful(), visitor(http)));
    }

    private PortalKnowledgeBase.Visitor visitor(HttpServletRequest http) {
        return new PortalKnowledgeBase.Visitor(addresses.of(http), http.getHeader(HttpHeaders.USER_AGENT));
    }
}
