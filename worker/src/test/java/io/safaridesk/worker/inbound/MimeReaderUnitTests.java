package io.safaridesk.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MimeReaderUnitTests {

    private static final String MAIL = "From: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <Zoe@Customer.example>\r\n"
            + "To: Acme <support+acme-t5-abcdefghij@acme.example>, friend@other.example\r\n"
            + "Cc: boss@customer.example\r\n"
            + "Subject: =?UTF-8?Q?Re:_[T-5]_Dr=C3=BCcker?=\r\n"
            + "Message-ID: <r1@customer.example>\r\n"
            + "In-Reply-To: <a2@acme.example>\r\n"
            + "References: <a1@acme.example>\r\n <a2@acme.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
            + "--rel\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
            + "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHallo\r\n"
            + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Hallo <img src=\"cid:logo\"></p>\r\n"
            + "--alt--\r\n"
            + "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "iVBORw0KGgo=\r\n--rel--\r\n"
            + "--outer\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "JVBERi0xLjQK\r\n--outer--\r\n";

    @Test
    void readsHeadersBodiesAndFiles() throws Exception {
        ParsedMail mail = MimeReader.read(MAIL.getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.messageId()).isEqualTo("<r1@customer.example>");
        assertThat(mail.from().email()).isEqualTo("zoe@customer.example");
        assertThat(mail.from().displayName()).isEqualTo("Zoë Müller");
        assertThat(mail.subject()).isEqualTo("Re: [T-5] Drücker");
        assertThat(mail.inReplyTo()).containsExactly("<a2@acme.example>");
        assertThat(mail.references()).containsExactly("<a1@acme.example>", "<a2@acme.example>");
        assertThat(mail.recipients())
                .containsExactly(
                        "support+acme-t5-abcdefghij@acme.example", "friend@other.example", "boss@customer.example");
        assertThat(mail.text()).contains("Hallo");
        assertThat(mail.html()).contains("<p>Hallo");
        assertThat(mail.attachments())
                .extracting(ParsedMail.Attachment::filename)
                .containsExactly("inline-1", "invoice.pdf");
        assertThat(new String(mail.attachments().get(1).content(), StandardCharsets.US_ASCII))
                .startsWith("%PDF-1.4");
    }

    @Test
    void aMailWithoutMessageIdGetsOneFromItsBytes() throws Exception {
        byte[] raw = "From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(MimeReader.read(raw).messageId())
                .isEqualTo(MimeReader.read(raw).messageId())
                .endsWith("@no-message-id.safaridesk>");
    }
}
