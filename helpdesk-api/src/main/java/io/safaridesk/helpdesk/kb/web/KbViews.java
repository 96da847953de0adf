package io.safaridesk.helpdesk.kb.web;

import io.safaridesk.domain.kb.KbAnalytics;
import io.safaridesk.domain.kb.KbArticle;
import io.safaridesk.domain.kb.KbArticles;
import io.safaridesk.domain.kb.KbCategory;
import io.safaridesk.domain.kb.KbRevision;
import io.safaridesk.domain.kb.KbSearch;
import java.time.Instant;
import java.util.List;

/** What the knowledge base endpoints answer. */
final class KbViews {

    private KbViews() {}

    /** An article in a list: everything but the body. */
    record ArticleSummary(
            long id,
            String title,
            String slug,
            String excerpt,
            List<String> tags,
            String language,
            String status,
            String visibility,
            Long categoryId,
            Instant publishedAt,
            Instant updatedAt,
            int version) {

        static ArticleSummary of(KbArticle a) {
            return new ArticleSummary(
                    a.id(),
                    a.title(),
                    a.slug(),
                    a.excerpt(),
                    a.tags(),
                    a.language(),
                    a.status().apiName(),
                    a.visibility().apiName(),
                    a.categoryId(),
                    a.publishedAt(),
                    a.updatedAt(),
                    a.version());
        }
    }

    /** One article with its sanitised body, views and votes (not in answers to changes); review fields for staff. */
    record ArticleView(
            long id,
            String title,
            String slug,
            String excerpt,
            String bodyHtml,
            List<String> tags,
            String language,
            String status,
            String visibility,
            Long categoryId,
            String authorName,
            String reviewComment,
            int revision,
            Long views,
            Long helpful,
            Long notHelpful,
            Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static ArticleView of(KbArticle a, KbAnalytics.Stats stats, boolean staff) {
            return new ArticleView(
                    a.id(),
                    a.title(),
                    a.slug(),
                    a.excerpt(),
                    a.bodyHtml(),
                    a.tags(),
                    a.language(),
                    a.status().apiName(),
                    a.visibility().apiName(),
                    a.categoryId(),
                    a.authorName(),
                    staff ? a.reviewComment() : null,
                    a.revision(),
                    stats == null ? null : stats.views(),
                    stats == null ? null : stats.helpful(),
                    stats == null ? null : stats.notHelpful(),
                    a.publishedAt(),
                    a.createdAt(),
                    a.updatedAt(),
                    a.version());
        }

        static ArticleView of(KbArticles.Reading reading, boolean staff) {
            return of(reading.article(), reading.stats(), staff);
        }

        static ArticleView of(KbArticle article) {
            return of(article, null, true);
        }
    }

    /** A search hit: the article's summary, its rank and the highlighted title and snippet ({@code <mark>}). */
    record HitView(ArticleSummary article, float rank, String titleHighlight, String snippet) {

        static HitView of(KbSearch.Hit hit) {
            return new HitView(ArticleSummary.of(hit.article()), hit.rank(), hit.titleHighlight(), hit.snippet());
        }
    }

    record SearchView(List<HitView> items, String nextCursor) {

        static SearchView of(KbSearch.Results results) {
            return new SearchView(results.hits().stream().map(HitView::of).toList(), results.nextCursor());
        }
    }

    record RevisionView(
            int revision,
            String title,
            String excerpt,
            String bodyHtml,
            List<String> tags,
            String language,
            Long categoryId,
            String visibility,
            String authorName,
            String note,
            Instant createdAt) {

        static RevisionView of(KbRevision r) {
            return new RevisionView(
                    r.revision(),
                    r.title(),
                    r.excerpt(),
                    r.bodyHtml(),
                    r.tags(),
                    r.language(),
                    r.categoryId(),
                    r.visibility().apiName(),
                    r.authorName(),
                    r.note(),
                    r.createdAt());
        }
    }

    record RevisionPage(List<RevisionView> items, String nextCursor) {}

    record CategoryView(
            long id, String name, String description, Long parentId, int position, Instant updatedAt, int version) {

        static CategoryView of(KbCategory c) {
            return new CategoryView(
                    c.id(), c.name(), c.description(), c.parentId(), c.position(), c.updatedAt(), c.version());
        }
    }

    record StatsView(long views, long helpful, long notHelpful) {

        static StatsView of(KbAnalytics.Stats stats) {
            return new StatsView(stats.views(), stats.helpful(), stats.notHelpful());
        }
    }

    record RankedView(ArticleSummary article, long views) {

        static RankedView of(KbAnalytics.Ranked ranked) {
            return new RankedView(ArticleSummary.of(ranked.article()), ranked.views());
        }
    }
}
