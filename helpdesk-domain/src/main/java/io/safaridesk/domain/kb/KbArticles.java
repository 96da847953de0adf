package io.safaridesk.domain.kb;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.ticket.TicketText;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.i18n.LanguageTag;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reviewing knowledge base articles. Admins and agents write; an agent's publish only submits the article
 * for review, and an admin approves (publishes) or rejects it with a comment. Agents edit drafts and articles in
 * review; published and archived articles only admins change. Every content change keeps a revision, and every step
 * is published to the outbox ({@code kb.article-published}, ...). Customers read published public articles only; an
 * article out of a reader's sight is 404.
 */
@Component
@Transactional
public class KbArticles {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final int SLUG_LENGTH = 120;
    /** Path words beside {@code articles/{slug}} in the portal. */
    private static final Set<String> RESERVED_SLUGS = Set.of("search", "popular");

    private final KbArticleRepository articles;
    private final KbRevisionRepository revisions;
    private final KbCategories categories;
    private final Settings settings;
    private final KbAnalytics analytics;
    private final DomainEvents events;
    private final Clock clock;

    KbArticles(
            KbArticleRepository articles,
            KbRevisionRepository revisions,
            KbCategories categories,
            Settings settings,
            KbAnalytics analytics,
            DomainEvents events,
            Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.categories = categories;
        this.settings = settings;
        this.analytics = analytics;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a writer sends: the body is rich HTML (sanitised here), the excerpt plain text; a null slug keeps the
     * article's slug (or makes one from the title), a null language is the workspace's default, a null visibility is
     * public; {@code version} guards updates.
     */
    public record Draft(
            String title,
            String slug,
            String excerpt,
            String body,
            List<String> tags,
            String language,
            Long categoryId,
            String visibility,
            Integer version) {}

    /** An article's content once checked and sanitised. */
    public record Content(
            String title,
            String slug,
            String excerpt,
            String bodyHtml,
            String bodyText,
            List<String> tags,
            LanguageTag language,
            Long categoryId,
            ArticleVisibility visibility) {}

    /** An article as its reader gets it, with its views and votes. */
    public record Reading(KbArticle article, KbAnalytics.Stats stats) {}

    /** Reads an article; a reader outside the staff counts as a view (once a day). */
    public Reading read(long id, Actor actor) {
        KbArticle article = get(id, actor);
        if (!actor.isStaff()) {
            analytics.recordView(id, analytics.user(actor.userId()));
        }
        return new Reading(article, analytics.stats(id));
    }

    /** Reads a published public article by slug for an anonymous {@code visitor}, counting the view. */
    public Reading readPublished(String slug, String visitor) {
        KbArticle article = published(slug);
        analytics.recordView(article.id(), visitor);
        return new Reading(article, analytics.stats(article.id()));
    }

    /** The caller's vote on a published article they can read (voting again changes it). */
    public KbAnalytics.Stats vote(long id, boolean helpful, Actor actor) {
        KbArticle article = get(id, actor);
        if (article.status() != ArticleStatus.PUBLISHED) {
            throw TransitionNotAllowed.of("vote on", article.status());
        }
        analytics.vote(id, analytics.user(actor.userId()), helpful);
        return analytics.stats(id);
    }

    /** An anonymous visitor's vote on a published public article. */
    public KbAnalytics.Stats votePublished(String slug, boolean helpful, String visitor) {
        KbArticle article = published(slug);
        analytics.vote(article.id(), visitor, helpful);
        return analytics.stats(article.id());
    }

    /** An article as staff see it (any status), or a 404 problem. */
    @Transactional(readOnly = true)
    public KbArticle get(long id, Actor actor) {
        KbArticle article = articles.findById(id).orElseThrow(() -> KbArticleNotFound.forId(id));
        if (!actor.isStaff() && !article.isPubliclyReadable()) {
            throw KbArticleNotFound.forId(id);
        }
        return article;
    }

    /** A published public article by its slug, for readers outside the staff; 404 for anything else. */
    @Transactional(readOnly = true)
    public KbArticle published(String slug) {
        return articles.findBySlug(slug)
                .filter(KbArticle::isPubliclyReadable)
                .orElseThrow(() -> KbArticleNotFound.forSlug(slug));
    }

    public KbArticle create(Draft draft, Actor actor) {
        staffOnly(actor);
        Instant now = clock.instant();
        Content content = content(draft, null);
        KbArticle article = save(KbArticle.create(content, actor.userId(), actor.name(), now));
        revisions.save(KbRevision.of(article, actor.userId(), actor.name(), "created", now));
        record(new KbArticleEvent.ArticleCreated(
                article.id(), article.title(), article.slug(), article.language(), actor.userId(), now));
        return article;
    }

    public KbArticle update(long id, Draft draft, Actor actor) {
        KbArticle article = writable(id, draft.version(), actor);
        Instant now = clock.instant();
        if (article.edit(content(draft, article), now)) {
            revisions.save(KbRevision.of(article, actor.userId(), actor.name(), "edited", now));
        }
        article = save(article);
        record(new KbArticleEvent.ArticleUpdated(article.id(), article.revision(), actor.userId(), now));
        return article;
    }

    /**
     * An admin publishes at once (also from review or the archive); anyone else's publish submits a draft for review.
     */
    public KbArticle publish(long id, Integer version, Actor actor) {
        KbArticle article = guarded(id, version, actor);
        Instant now = clock.instant();
        if (actor.isAdmin()) {
            article.publish(actor.userId(), null, now);
            publishedEvent(article, actor, now);
        } else {
            article.submitForReview(now);
            record(new KbArticleEvent.ArticleSubmittedForReview(article.id(), article.title(), actor.userId(), now));
        }
        return save(article);
    }

    /** An admin approves an article in review: it is published. */
    public KbArticle approve(long id, String comment, Integer version, Actor actor) {
        KbArticle article = guarded(id, version, adminOnly(actor));
        Instant now = clock.instant();
        article.approve(actor.userId(), blankToNull(comment), now);
        publishedEvent(article, actor, now);
        return save(article);
    }

    /** An admin sends an article in review back to draft, saying why. */
    public KbArticle reject(long id, String comment, Integer version, Actor actor) {
        adminOnly(actor);
        if (comment == null || comment.isBlank()) {
            throw ApiProblem.invalidField("comment", "must say why the article is rejected");
        }
        KbArticle article = guarded(id, version, actor);
        Instant now = clock.instant();
        article.reject(actor.userId(), comment.strip(), now);
        record(new KbArticleEvent.ArticleRejected(article.id(), comment.strip(), actor.userId(), now));
        return save(article);
    }

    public KbArticle archive(long id, Integer version, Actor actor) {
        KbArticle article = guarded(id, version, adminOnly(actor));
        Instant now = clock.instant();
        article.archive(now);
        record(new KbArticleEvent.ArticleUnpublished(article.id(), article.status(), actor.userId(), now));
        return save(article);
    }

    /** Back to draft: admins unpublish or unarchive; the staff withdraw an article from review. */
    public KbArticle toDraft(long id, Integer version, Actor actor) {
        KbArticle article = guarded(id, version, actor);
        if (!actor.isAdmin() && article.status() != ArticleStatus.IN_REVIEW) {
            throw AdminsOnly.to("move a " + article.status().apiName() + " article back to draft");
        }
        Instant now = clock.instant();
        article.toDraft(now);
        record(new KbArticleEvent.ArticleUnpublished(article.id(), article.status(), actor.userId(), now));
        return save(article);
    }

    public void delete(long id, Actor actor) {
        adminOnly(actor);
        KbArticle article = get(id, actor);
        articles.delete(article);
        articles.flush();
        record(new KbArticleEvent.ArticleDeleted(id, actor.userId(), clock.instant()));
    }

    /** The article's revisions, newest first, below {@code beforeRevision} (0: from the newest). */
    @Transactional(readOnly = true)
    public List<KbRevision> revisions(long id, int beforeRevision, int limit, Actor actor) {
        staffOnly(actor);
        get(id, actor);
        return revisions.findByArticleIdAndRevisionLessThanOrderByRevisionDesc(
                id, beforeRevision <= 0 ? Integer.MAX_VALUE : beforeRevision, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public KbRevision revision(long id, int revision, Actor actor) {
        staffOnly(actor);
        get(id, actor);
        return revisions
                .findByArticleIdAndRevision(id, revision)
                .orElseThrow(() -> KbRevisionNotFound.of(id, revision));
    }

    /** Makes an earlier revision's content the article's again, as a new revision; status and slug stay. */
    public KbArticle restore(long id, int revision, Integer version, Actor actor) {
        KbArticle article = writable(id, version, actor);
        KbRevision old = revision(id, revision, actor);
        categories.check("category_id", old.categoryId());
        Instant now = clock.instant();
        Content content = new Content(
                old.title(),
                article.slug(),
                old.excerpt(),
                old.bodyHtml(),
                TicketText.fromHtml(old.bodyHtml()).text(),
                old.tags(),
                new LanguageTag(old.language()),
                old.categoryId(),
                old.visibility());
        if (article.edit(content, now)) {
            revisions.save(KbRevision.of(article, actor.userId(), actor.name(), "restored revision " + revision, now));
        }
        article = save(article);
        record(new KbArticleEvent.ArticleUpdated(article.id(), article.revision(), actor.userId(), now));
        return article;
    }

    private Content content(Draft draft, KbArticle existing) {
        String title = draft.title().strip();
        TicketText body = TicketText.fromHtml(draft.body());
        if (body.text().isBlank() && !body.html().contains("<img")) {
            throw ApiProblem.invalidField("body", "has no content left after removing unsafe HTML");
        }
        LanguageTag language = draft.language() == null
                ? LanguageTag.of("language", settings.current().defaultLanguage())
                : LanguageTag.of("language", draft.language());
        ArticleVisibility visibility = draft.visibility() == null
                ? (existing == null ? ArticleVisibility.PUBLIC : existing.visibility())
                : ArticleVisibility.of("visibility", draft.visibility());
        categories.check("category_id", draft.categoryId());
        String excerpt = draft.excerpt() == null
                ? null
                : Jsoup.parse(draft.excerpt()).text().strip();
        return new Content(
                title,
                slug(draft.slug(), title, existing),
                excerpt == null || excerpt.isEmpty() ? null : excerpt,
                body.html(),
                body.text(),
                KbValues.tags(draft.tags()),
                language,
                draft.categoryId(),
                visibility);
    }

    /** The slug sent (checked, and free), the article's own, or a free one made from the title. */
    private String slug(String requested, String title, KbArticle existing) {
        if (requested != null) {
            String slug = requested.strip().toLowerCase(Locale.ROOT);
            if (slug.length() > SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
                throw ApiProblem.invalidField(
                        "slug", "must be lower-case letters and digits in words joined by '-', at most 120");
            }
            if (RESERVED_SLUGS.contains(slug)) {
                throw ApiProblem.invalidField("slug", "is reserved");
            }
            if ((existing == null || !slug.equals(existing.slug())) && articles.existsBySlug(slug)) {
                throw ApiProblem.invalidField("slug", "is taken by another article");
            }
            return slug;
        }
        if (existing != null) {
            return existing.slug();
        }
        String base = Normalizer.normalize(title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        base = base.isEmpty()
                ? "article"
                : base.substring(0, Math.min(base.length(), 100)).replaceAll("-+$", "");
        String slug = base;
        for (int n = 2; RESERVED_SLUGS.contains(slug) || articles.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private KbArticle writable(long id, Integer version, Actor actor) {
        KbArticle article = guarded(id, version, actor);
        if (!actor.isAdmin()
                && (article.status() == ArticleStatus.PUBLISHED || article.status() == ArticleStatus.ARCHIVED)) {
            throw AdminsOnly.to("change a " + article.status().apiName() + " article");
        }
        return article;
    }

    private KbArticle guarded(long id, Integer version, Actor actor) {
        staffOnly(actor);
        KbArticle article = get(id, actor);
        if (version != null && version != article.version()) {
            throw new ObjectOptimisticLockingFailureException(KbArticle.class, id);
        }
        return article;
    }

    private KbArticle save(KbArticle article) {
        try {
            return articles.saveAndFlush(article);
        } catch (DataIntegrityViolationException slugTakenMeanwhile) {
            throw ApiProblem.invalidField("slug", "is taken by another article");
        }
    }

    private void publishedEvent(KbArticle article, Actor actor, Instant now) {
        record(new KbArticleEvent.ArticlePublished(
                article.id(), article.title(), article.slug(), article.visibility(), actor.userId(), now));
    }

    private void record(KbArticleEvent event) {
        events.record(event.routingKey(), event);
    }

    private static void staffOnly(Actor actor) {
        if (!actor.isStaff()) {
            throw AdminsOnly.staff();
        }
    }

    private static Actor adminOnly(Actor actor) {
        if (!actor.isAdmin()) {
            throw AdminsOnly.to("do this");
        }
        return actor;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** No article with this id (or slug) that the caller may see. */
    public static final class KbArticleNotFound extends ApiProblem {
        private KbArticleNotFound(String what) {
            super(HttpStatus.NOT_FOUND, "kb-article-not-found", "No article " + what);
        }

        static KbArticleNotFound forId(long id) {
            return new KbArticleNotFound(Long.toString(id));
        }

        static KbArticleNotFound forSlug(String slug) {
            return new KbArticleNotFound("'" + (slug.length() > 120 ? slug.substring(0, 120) : slug) + "'");
        }
    }

    /** No such revision of the article. */
    public static final class KbRevisionNotFound extends ApiProblem {
        private KbRevisionNotFound(long id, int revision) {
            super(HttpStatus.NOT_FOUND, "kb-revision-not-found", "Article " + id + " has no revision " + revision);
        }

        static KbRevisionNotFound of(long id, int revision) {
            return new KbRevisionNotFound(id, revision);
        }
    }

    /** The article's status does not allow this step (approving a draft, archiving an archived article, ...). */
    public static final class TransitionNotAllowed extends ApiProblem {
        private TransitionNotAllowed(String action, ArticleStatus status) {
            super(
                    HttpStatus.CONFLICT,
                    "kb-transition-not-allowed",
                    "Cannot " + action + " an article that is " + status.apiName());
        }

        static TransitionNotAllowed of(String action, ArticleStatus status) {
            return new TransitionNotAllowed(action, status);
        }
    }

    /** Only an admin (or only staff) may do this. */
    public static final class AdminsOnly extends ApiProblem {
        private AdminsOnly(String type, String detail) {
            super(HttpStatus.FORBIDDEN, type, detail);
        }

        static AdminsOnly to(String action) {
            return new AdminsOnly("admins-only", "Only an admin may " + action);
        }

        static AdminsOnly staff() {
            return new AdminsOnly("staff-only", "Only the workspace's staff write the knowledge base");
        }
    }
}
