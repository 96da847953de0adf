package io.safaridesk.domain.kb;

import io.safaridesk.platform.i18n.LanguageTag;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an article's language (BCP 47) to the PostgreSQL text search configuration that stems it: {@code en} to
 * {@code english}, {@code pt-BR} to {@code portuguese}, ... Languages PostgreSQL has no stemmer for (Swahili among
 * them) use {@code simple}: words are lower-cased, not stemmed.
 */
public final class SearchLanguages {

    /** The configuration for languages without a stemmer. */
    public static final String SIMPLE = "simple";

    private static final Map<String, String> CONFIGS = Map.ofEntries(
            Map.entry("ar", "arabic"),
            Map.entry("ca", "catalan"),
            Map.entry("da", "danish"),
            Map.entry("de", "german"),
            Map.entry("el", "greek"),
            Map.entry("en", "english"),
            Map.entry("es", "spanish"),
            Map.entry("eu", "basque"),
            Map.entry("fi", "finnish"),
            Map.entry("fr", "french"),
            Map.entry("ga", "irish"),
            Map.entry("hi", "hindi"),
            Map.entry("hu", "hungarian"),
            Map.entry("hy", "armenian"),
            Map.entry("id", "indonesian"),
            Map.entry("it", "italian"),
            Map.entry("lt", "lithuanian"),
            Map.entry("nb", "norwegian"),
            Map.entry("ne", "nepali"),
            Map.entry("nl", "dutch"),
            Map.entry("nn", "norwegian"),
            Map.entry("no", "norwegian"),
            Map.entry("pt", "portuguese"),
            Map.entry("ro", "romanian"),
            Map.entry("ru", "russian"),
            Map.entry("sr", "serbian"),
            Map.entry("sv", "swedish"),
            Map.entry("ta", "tamil"),
            Map.entry("tr", "turkish"),
            Map.entry("yi", "yiddish"));

    private SearchLanguages() {}

    /** The text search configuration for {@code language}. */
    public static String configFor(LanguageTag language) {
        String primary = Locale.forLanguageTag(language.value()).getLanguage();
        return CONFIGS.getOrDefault(primary, SIMPLE);
    }
}
