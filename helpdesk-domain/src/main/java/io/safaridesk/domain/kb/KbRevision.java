package io.safaridesk.domain.kb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The content an article had after one of its changes: who made it, when, and why ({@code note}). */
@Entity
@Table(name = "kb_article_revisions")
public class KbRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;

    private int revision;

    @Column(nullable = false)
    private String title;

    private String excerpt;

    @Column(nullable = false)
    private String bodyHtml;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags;

    @Column(nullable = false)
    private String language;

    private Long categoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleVisibility visibility;

    private String authorId;

    @Column(nullable = false)
    private String authorName;

    private String note;

    @Column(nullable = false)
    private Instant createdAt;

    protected KbRevision() {}

    static KbRevision of(KbArticle article, String authorId, String authorName, String note, Instant at) {
        KbRevision revision = new KbRevision();
        revision.articleId = article.id();
        revision.revision = article.revision();
        revision.title = article.title();
        revision.excerpt = article.excerpt();
        revision.bodyHtml = article.bodyHtml();
        revision.tags = article.tags();
        revision.language = article.language();
        revision.categoryId = article.categoryId();
        revision.visibility = article.visibility();
        revision.authorId = authorId;
        revision.authorName = authorName;
        revision.note = note;
        revision.createdAt = at;
        return revision;
    }

    public Long id() {
        return id;
    }

    public long articleId() {
        return articleId;
    }

    public int revision() {
        return revision;
    }

    public String title() {
        return title;
    }

    public String excerpt() {
        return excerpt;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public String language() {
        return language;
    }

    public Long categoryId() {
        return categoryId;
    }

    public ArticleVisibility visibility() {
        return visibility;
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
