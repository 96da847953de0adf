package io.safaridesk.platform.i18n;

import io.safaridesk.platform.error.ApiProblem;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP 47 language tag with a language, such as {@code en}, {@code sw-KE} or {@code pt-BR}. */
public record LanguageTag(String value) {

    public LanguageTag {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("No language tag");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(value).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("Not a language tag: " + value, e);
        }
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("No language in " + value);
        }
        value = locale.toLanguageTag();
    }

    /** The tag {@code value}, or a 422 problem naming {@code field}. */
    public static LanguageTag of(String field, String value) {
        try {
            return new LanguageTag(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "is not a BCP 47 language tag (e.g. en, sw-KE)");
        }
    }
}
