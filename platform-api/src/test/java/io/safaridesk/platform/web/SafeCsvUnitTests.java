package io.safaridesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCsvUnitTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=1+1|'=1+1",
                "+SUM(A1)|'+SUM(A1)",
                "-2 degrees|'-2 degrees",
                "@mention|'@mention",
                "plain text|plain text",
                "a=b|a=b",
                "'quoted|'quoted"
            })
    void cellsASpreadsheetWouldEvaluateAreNeutralised(String cell, String exported) {
        assertThat(SafeCsv.neutralised(cell)).isEqualTo(exported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=cmd", "\r=cmd"})
    void cellsStartingWithTabOrCarriageReturnAreNeutralised(String cell) {
        assertThat(SafeCsv.neutralised(cell)).isEqualTo("'" + cell);
    }
}
