package io.safaridesk.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextUnitTests {

    @Test
    void cutsGmailsAttributionAndTheQuoteBelowIt() {
        String text = """
                Thanks, that fixed it!

                On Mon, 2 Dec 2024 at 10:15, Acme Support <support+acme-t5-abcdefghij@acme.example> wrote:
                > Please restart the printer.
                >
                > Ann
                """;
        assertThat(QuotedText.stripText(text)).isEqualTo("Thanks, that fixed it!");
    }

    @Test
    void cutsAnAttributionThatGmailWrappedOverTwoLines() {
        String text = """
                Still broken.

                On Mon, Dec 2, 2024 at 10:15 AM Acme Support <
                support@acme.example> wrote:
                > Please restart the printer.
                """;
        assertThat(QuotedText.stripText(text)).isEqualTo("Still broken.");
    }

    @Test
    void cutsOutlooksOriginalMessageAndHeaderBlock() {
        String original = """
                Here is the invoice.

                -----Original Message-----
                From: Acme Support <support@acme.example>
                Sent: Monday, December 2, 2024 10:15 AM
                Subject: [T-5] Invoice
                """;
        String headers = """
                Here is the invoice.

                ________________________________
                From: Acme Support <support@acme.example>
                Sent: Monday, December 2, 2024 10:15 AM
                To: Bob
                """;
        assertThat(QuotedText.stripText(original)).isEqualTo("Here is the invoice.");
        assertThat(QuotedText.stripText(headers)).isEqualTo("Here is the invoice.");
    }

    @Test
    void cutsSignaturesAndMobileFootersButKeepsInterleavedAnswers() {
        String text = """
                > Which model is it?
                The LaserJet 4000.
                > And the serial number?
                XY-1234

                Sent from my iPhone
                --\s
                Bob Smith
                Customer Corp, +1 555 0100
                """;
        assertThat(QuotedText.stripText(text)).isEqualTo("The LaserJet 4000.\nXY-1234");
    }

    @Test
    void keepsTheTextWhenNothingWouldBeLeft() {
        String text = "> only a quote\n> nothing else";
        assertThat(QuotedText.stripText(text)).isEqualTo(text);
    }

    @Test
    void cutsGmailQuoteAndSignatureFromHtml() {
        String html = "<div dir=\"ltr\">Thanks, works now.<br><div class=\"gmail_signature\">Bob</div></div>"
                + "<br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Dec 2, 2024 Ann wrote:</div>"
                + "<blockquote class=\"gmail_quote\">Please restart</blockquote></div>";
        String stripped = QuotedText.stripHtml(html);
        assertThat(stripped).contains("Thanks, works now.").doesNotContain("Please restart", "Bob", "wrote");
    }

    @Test
    void cutsOutlooksReplyHeaderAndEverythingAfterIt() {
        String html = "<div>New question about the bill.</div><div id=\"appendonsend\"></div><hr>"
                + "<div id=\"divRplyFwdMsg\"><b>From:</b> Acme Support<br><b>Sent:</b> Monday</div>"
                + "<div>Earlier text of ours</div>";
        assertThat(QuotedText.stripHtml(html))
                .contains("New question about the bill.")
                .doesNotContain("Earlier text of ours", "From:");
    }

    @Test
    void cutsApplesCitedBlockquoteAndItsAttribution() {
        String html = "<div>Sounds good.</div><div><br><div>On 2 Dec 2024, at 10:15, Ann &lt;a@x.example&gt; wrote:"
                + "</div><blockquote type=\"cite\"><div>Shall we call?</div></blockquote></div>";
        assertThat(QuotedText.stripHtml(html)).contains("Sounds good.").doesNotContain("Shall we call", "wrote");
    }
}
