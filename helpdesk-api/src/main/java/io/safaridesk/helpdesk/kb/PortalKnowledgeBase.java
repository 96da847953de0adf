package io.safaridesk.helpdesk.kb;

import io.safaridesk.domain.kb.KbAnalytics;
import io.safaridesk.domain.kb.KbArticle;
import io.safaridesk.domain.kb.KbArticles;
import io.safaridesk.domain.kb.KbCategories;
import io.safaridesk.domain.kb.KbCategory;
import io.safaridesk.domain.kb.KbSearch;
import io.safaridesk.helpdesk.portal.PortalWorkspaces;
import io.safaridesk.platform.ratelimit.RateLimiter;
import io.safaridesk.platform.tenancy.TenantContext;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The knowledge base of a workspace's public portal, for anonymous readers: the workspace comes from the path (an
 * active one only) and only published public articles are ever reached. A reader is a visitor identified by a keyed
 * hash of address and user agent, for view counts and votes.
 */
@Component
public class PortalKnowledgeBase {

    private final PortalWorkspaces workspaces;
    private final KbArticles articles;
    private final KbSearch search;
    private final KbCategories categories;
    private final KbAnalytics analytics;
    private final RateLimiter limits;

    PortalKnowledgeBase(
            PortalWorkspaces workspaces,
            KbArticles articles,
            KbSearch search,
            KbCategories categories,
            KbAnalytics analytics,
            RateLimiter limits) {
        this.limits = limits;
        this.workspaces = workspaces;
        this.articles = articles;
        this.search = search;
        this.categories = categories;
        this.analytics = analytics;
    }

    /** An anonymous reader: where the request came from, as the server saw it. */
    public record Visitor(String address, String userAgent) {}

    public List<KbCategory> categories(String workspace) {
        return in(workspace, categories::list);
    }

    public List<KbArticle> list(String workspace, KbSearch.Filter filter, long afterId, int limit) {
        return in(workspace, () -> search.list(filter, KbSearch.Audience.READER, afterId, limit));
    }

    /**
     * Full-text search, the costliest anonymous read: rate-limited per client address ({@code kb-search-address}). The
     * first page of a search with words is noted for the KB deflection report.
     */
    public KbSearch.Results search(
            String workspace, String text, KbSearch.Filter filter, String cursor, int limit, Visitor visitor) {
        limits.take("kb-search-address", visitor.address());
        return in(workspace, () -> {
            KbSearch.Results results = search.search(text, filter, KbSearch.Audience.READER, cursor, limit);
            if (text != null && !text.isBlank() && (cursor == null || cursor.isBlank())) {
                analytics.recordPortal(visitorId(visitor), KbAnalytics.PortalActivity.SEARCH, null, null);
            }
            return results;
        });
    }

    /** An article read, counted as a view (once a visitor and day) and noted for the KB deflection report. */
    public KbArticles.Reading read(String workspace, String slug, Visitor visitor) {
        return in(workspace, () -> {
            String reader = visitorId(visitor);
            KbArticles.Reading reading = articles.readPublished(slug, reader);
            analytics.recordPortal(
                    reader, KbAnalytics.PortalActivity.VIEW, reading.article().id(), null);
            return reading;
        });
    }

    public KbAnalytics.Stats vote(String workspace, String slug, boolean helpful, Visitor visitor) {
        return in(workspace, () -> articles.votePublished(slug, helpful, visitorId(visitor)));
    }

    public List<KbAnalytics.Ranked> popular(String workspace, int limit) {
        return in(workspace, () -> analytics.popular(false, limit));
    }

    private String visitorId(Visitor visitor) {
        return analytics.anonymous(visitor.address(), visitor.userAgent());
    }

    private <T> T in(String workspace, Supplier<T> work) {
        return TenantContext.callAs(workspaces.active(workspace), work);
    }
}
