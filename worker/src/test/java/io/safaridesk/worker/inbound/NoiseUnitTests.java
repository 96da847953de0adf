package io.safaridesk.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.inbound.InboundRule;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoiseUnitTests {

    private static ParsedMail mail(String headers) throws Exception {
        String raw = "From: Bob <bob@customer.example>\r\nTo: support@acme.example\r\nSubject: Hi\r\n"
                + "Message-ID: <m1@customer.example>\r\n" + headers + "\r\nHello\r\n";
        return MimeReader.read(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPersonsMailIsNoNoise() throws Exception {
        assertThat(Noise.of(mail(""))).isEmpty();
        assertThat(Noise.of(mail("Auto-Submitted: no\r\n"))).isEmpty();
        assertThat(Noise.of(mail("Return-Path: <bob@customer.example>\r\n"))).isEmpty();
    }

    @Test
    void autoRepliesAreRefused() throws Exception {
        assertThat(Noise.of(mail("Auto-Submitted: auto-replied\r\n"))).contains(InboundRule.REFUSED_AUTO_SUBMITTED);
        assertThat(Noise.of(mail("X-Autoreply: yes\r\n"))).contains(InboundRule.REFUSED_AUTO_SUBMITTED);
        assertThat(Noise.of(mail("X-Autorespond: vacation\r\n"))).contains(InboundRule.REFUSED_AUTO_SUBMITTED);
        assertThat(Noise.of(mail("Precedence: bulk\r\n"))).contains(InboundRule.REFUSED_AUTO_SUBMITTED);
        assertThat(Noise.of(mail("Precedence: auto_reply\r\n"))).contains(InboundRule.REFUSED_AUTO_SUBMITTED);
    }

    @Test
    void bouncesAreRefused() throws Exception {
        assertThat(Noise.of(mail("Return-Path: <>\r\n"))).contains(InboundRule.REFUSED_BOUNCE);
        assertThat(Noise.of(mail("Return-Path: <MAILER-DAEMON@mx.example>\r\n")))
                .contains(InboundRule.REFUSED_BOUNCE);
        assertThat(Noise.of(mail("X-Failed-Recipients: gone@customer.example\r\n")))
                .contains(InboundRule.REFUSED_BOUNCE);
        String report = "From: Mail Delivery System <mailer-daemon@mx.example>\r\nTo: support@acme.example\r\n"
                + "Subject: Undelivered Mail\r\nMessage-ID: <b1@mx.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nCould not deliver.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n";
        ParsedMail bounce = MimeReader.read(report.getBytes(StandardCharsets.UTF_8));
        assertThat(bounce.reportType()).isEqualTo("delivery-status");
        assertThat(Noise.of(bounce)).contains(InboundRule.REFUSED_BOUNCE);
    }
}
