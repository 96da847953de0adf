package io.safaridesk.domain.kb;

import java.util.Locale;

/** Where an article stands: drafts and articles in review are staff-only; only published ones reach readers. */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED;

    /** The status named {@code value} ({@code in_review} or {@code IN_REVIEW}), or a 422 problem naming the field. */
    public static ArticleStatus of(String field, String value) {
        return KbValues.parse(ArticleStatus.class, field, value);
    }

    /** The name clients see: {@code in_review}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
