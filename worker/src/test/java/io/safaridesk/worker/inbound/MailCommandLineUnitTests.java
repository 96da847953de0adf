package io.safaridesk.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MailCommandLineUnitTests {

    private static MailCommandLine line(String... args) {
        return MailCommandLine.parse(args);
    }

    @Test
    void readsTheCommandItsIdAndItsOptions() {
        MailCommandLine release = line("unroutable", "release", "42", "--workspace", "acme", "--ticket", "7", "--json");
        assertThat(release.command()).isEqualTo("unroutable release");
        assertThat(release.id()).isEqualTo(42);
        assertThat(release.workspace().value()).isEqualTo("acme");
        assertThat(release.number("--ticket")).isEqualTo(7L);
        assertThat(release.json()).isTrue();

        MailCommandLine retake = line("retake", "--workspace", "acme");
        assertThat(retake.command()).isEqualTo("retake");
        assertThat(retake.number("--id")).isNull();
        assertThat(line("unroutable", "list").limit()).isEqualTo(50);
    }

    @Test
    void namesWhatIsWrongWithBadArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> line()).withMessageContaining("a command is needed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "explode"))
                .withMessageContaining("unknown command unroutable explode");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "list", "--colour", "red"))
                .withMessageContaining("unknown option --colour");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "list", "--limit"))
                .withMessageContaining("--limit lacks its value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "list", "--limit", "501").limit())
                .withMessageContaining("at most 500");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "list", "--before", "0").number("--before"))
                .withMessageContaining("positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "show", "abc").id())
                .withMessageContaining("must be a number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("unroutable", "show").id())
                .withMessageContaining("the mail's id is needed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("retake").workspace())
                .withMessageContaining("--workspace");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> line("retake", "--workspace", "Not A Slug").workspace());
    }
}
