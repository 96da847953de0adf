package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnsmasqLineUnitTests {

    @Test
    void splitsTheValuesAtCommasOutsideQuotes() {
        assertThat(DnsmasqLine.parse("txt-record=acme.test,\"a, b\",c"))
                .contains(new DnsmasqLine("txt-record", List.of("acme.test", "a, b", "c")));
    }

    @Test
    void readsEscapedQuotesAndBackslashesInsideQuotes() {
        assertThat(DnsmasqLine.parse("txt-record=acme.test,\"say \\\"hi\\\" \\\\ bye\""))
                .contains(new DnsmasqLine("txt-record", List.of("acme.test", "say \"hi\" \\ bye")));
    }

    @Test
    void dropsSpacesAroundTheLineAndTheEqualsSign() {
        assertThat(DnsmasqLine.parse("  host-record = acme.test,127.0.0.1  "))
                .contains(new DnsmasqLine("host-record", List.of("acme.test", "127.0.0.1")));
    }

    @Test
    void readsNothingFromABlankLineOrAComment() {
        assertThat(DnsmasqLine.parse("   ")).isEmpty();
        assertThat(DnsmasqLine.parse("# txt-record=acme.test,\"x\"")).isEmpty();
    }

    @Test
    void endsTheLineAtACommentAfterASpaceButNotInsideQuotes() {
        assertThat(DnsmasqLine.parse("txt-record=acme.test,\"#1\" # the first"))
                .contains(new DnsmasqLine("txt-record", List.of("acme.test", "#1")));
    }

    @Test
    void readsAnOptionWithoutValue() {
        assertThat(DnsmasqLine.parse("bind-interfaces")).contains(new DnsmasqLine("bind-interfaces", List.of()));
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DnsmasqLine.parse("txt-record=acme.test,\"open"))
                .withMessageContaining("missing \"");
    }
}
