package io.safaridesk.domain.kb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A knowledge base article: sanitised content in one language, a status that moves only along the review workflow
 * (draft, in review, published, archived) and a visibility. Every content change raises {@link #revision()}.
 */
@Entity
@Table(name = "kb_articles")
public class KbArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String slug;

    private String excerpt;

    @Column(nullable = false)
    private String bodyHtml;

    @Column(nullable = false)
    private String bodyText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    @Column(nullable = false)
    private String tagsText;

    @Column(nullable = false)
    private String language;

    @ColumnTransformer(read = "cast(search_config as text)", write = "cast(? as regconfig)")
    @Column(nullable = false)
    private String searchConfig;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleVisibility visibility;

    private Long categoryId;

    private String authorId;

    @Column(nullable = false)
    private String authorName;

    private String reviewComment;

    private String reviewedBy;

    private int revision;

    private Instant publishedAt;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected KbArticle() {}

    static KbArticle create(KbArticles.Content content, String authorId, String authorName, Instant now) {
        KbArticle article = new KbArticle();
        article.status = ArticleStatus.DRAFT;
        article.authorId = authorId;
        article.authorName = authorName;
        article.createdAt = now;
        article.revision = 0;
        article.edit(content, now);
        return article;
    }

    /** Applies {@code content}; answers whether the text (title, slug, excerpt, body, tags, language) changed. */
    boolean edit(KbArticles.Content content, Instant now) {
        boolean changed = !Objects.equals(title, content.title())
                || !Objects.equals(slug, content.slug())
                || !Objects.equals(excerpt, content.excerpt())
                || !Objects.equals(bodyHtml, content.bodyHtml())
                || !Objects.equals(tags, content.tags())
                || !Objects.equals(language, content.language().value());
        this.title = content.title();
        this.slug = content.slug();
        this.excerpt = content.excerpt();
        this.bodyHtml = content.bodyHtml();
        this.bodyText = content.bodyText();
        this.tags = new ArrayList<>(content.tags());
        this.tagsText = String.join(" ", content.tags());
        this.language = content.language().value();
        this.searchConfig = SearchLanguages.configFor(content.language());
        this.categoryId = content.categoryId();
        this.visibility = content.visibility();
        this.updatedAt = now;
        if (changed) {
            this.revision++;
        }
        return changed;
    }

    /** Goes live now, keeping the first publication time across re-publications. */
    void publish(String reviewerId, String comment, Instant now) {
        require(status != ArticleStatus.PUBLISHED, "publish");
        this.status = ArticleStatus.PUBLISHED;
        this.reviewedBy = reviewerId;
        this.reviewComment = comment;
        if (publishedAt == null) {
            this.publishedAt = now;
        }
        this.updatedAt = now;
    }

    /** A non-admin's publish: the article waits for an admin's approval. */
    void submitForReview(Instant now) {
        require(status == ArticleStatus.DRAFT, "submit for review");
        this.status = ArticleStatus.IN_REVIEW;
        this.reviewComment = null;
        this.updatedAt = now;
    }

    void approve(String reviewerId, String comment, Instant now) {
        require(status == ArticleStatus.IN_REVIEW, "approve");
        publish(reviewerId, comment, now);
    }

    void reject(String reviewerId, String comment, Instant now) {
        require(status == ArticleStatus.IN_REVIEW, "reject");
        this.status = ArticleStatus.DRAFT;
        this.reviewedBy = reviewerId;
        this.reviewComment = comment;
        this.updatedAt = now;
    }

    void archive(Instant now) {
        require(status != ArticleStatus.ARCHIVED, "archive");
        this.status = ArticleStatus.ARCHIVED;
        this.updatedAt = now;
    }

    /** Back to draft: unpublishes, unarchives or withdraws from review. */
    void toDraft(Instant now) {
        require(status != ArticleStatus.DRAFT, "move to draft");
        this.status = ArticleStatus.DRAFT;
        this.updatedAt = now;
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw KbArticles.TransitionNotAllowed.of(action, status);
        }
    }

    /** Readers outside the staff see it: published and public. */
    public boolean isPubliclyReadable() {
        return status == ArticleStatus.PUBLISHED && visibility == ArticleVisibility.PUBLIC;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return slug;
    }

    public String excerpt() {
        return excerpt;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String bodyText() {
        return bodyText;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public String language() {
        return language;
    }

    public String searchConfig() {
        return searchConfig;
    }

    public ArticleStatus status() {
        return status;
    }

    public ArticleVisibility visibility() {
        return visibility;
    }

    public Long categoryId() {
        return categoryId;
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public int revision() {
        return revision;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
