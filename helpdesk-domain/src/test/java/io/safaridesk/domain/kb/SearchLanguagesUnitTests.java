package io.safaridesk.domain.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.i18n.LanguageTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchLanguagesUnitTests {

    @ParameterizedTest
    @CsvSource({
        "en, english",
        "en-GB, english",
        "fr, french",
        "de-CH, german",
        "es-419, spanish",
        "pt-BR, portuguese",
        "nb-NO, norwegian",
        "sw, simple",
        "sw-KE, simple",
        "zh-Hant-TW, simple",
        "am, simple"
    })
    void mapsTheLanguageToItsTextSearchConfiguration(String tag, String config) {
        assertThat(SearchLanguages.configFor(new LanguageTag(tag))).isEqualTo(config);
    }
}
