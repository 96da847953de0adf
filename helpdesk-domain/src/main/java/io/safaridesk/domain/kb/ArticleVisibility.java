package io.safaridesk.domain.kb;

import java.util.Locale;

/** Who may read a published article: everyone (the anonymous portal too), or the workspace's staff only. */
public enum ArticleVisibility {
    PUBLIC,
    INTERNAL;

    /** The visibility named {@code value} ({@code public} or {@code PUBLIC}), or a 422 problem naming the field. */
    public static ArticleVisibility of(String field, String value) {
        return KbValues.parse(ArticleVisibility.class, field, value);
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
