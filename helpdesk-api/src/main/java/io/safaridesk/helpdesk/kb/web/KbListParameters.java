package io.safaridesk.helpdesk.kb.web;

import io.safaridesk.domain.kb.ArticleStatus;
import io.safaridesk.domain.kb.ArticleVisibility;
import io.safaridesk.domain.kb.KbSearch;
import io.safaridesk.platform.i18n.LanguageTag;

/**
 * The filters of an article list or search: {@code status} and {@code visibility} (staff only; ignored for readers),
 * {@code category} (with its subtree), {@code tag}, {@code language} (BCP 47; {@code en} matches {@code en-GB} too).
 */
record KbListParameters(String status, String visibility, Long category, String tag, String language) {

    KbSearch.Filter toFilter() {
        return new KbSearch.Filter(
                status == null || status.isBlank() ? null : ArticleStatus.of("status", status),
                visibility == null || visibility.isBlank() ? null : ArticleVisibility.of("visibility", visibility),
                category,
                tag == null || tag.isBlank() ? null : tag,
                language == null || language.isBlank() ? null : LanguageTag.of("language", language));
    }
}
