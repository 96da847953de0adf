package io.safaridesk.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.mail.MailOrigin;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifiers over the fixture corpus ({@code src/test/resources/mail}): real-world message shapes, each named
 * after the client or situation it reproduces, with what each must become in {@code expectations.tsv}: its kind and
 * rule, what its comment keeps and loses of its text, an id or address it must carry for threading, its decoded
 * subject. The workspace is {@code acme} (address support@acme.example); the Message-IDs the platform "sent" are
 * listed below; origin headers are signed with the development key.
 */
class MailFixturesUnitTests {

    static final TenantSlug ACME = TenantSlug.of("acme");
    static final Map<String, MailClassifier.Sent> SENT = Map.of(
            "<ack-1@safaridesk.example>", new MailClassifier.Sent(ACME, true),
            "<reply-7@safaridesk.example>", new MailClassifier.Sent(ACME, false),
            "<globex-ack-1@safaridesk.example>", new MailClassifier.Sent(TenantSlug.of("globex"), true));
    static final MailClassifier.Context CONTEXT = new MailClassifier.Context(
            ACME,
            Set.of("support@acme.example", "notifications@safaridesk.example"),
            new MailOrigin("safaridesk-development-secret-key"),
            id -> Optional.ofNullable(SENT.get(id)));

    record Fixture(
            String file,
            String kind,
            String rule,
            List<String> keep,
            List<String> drop,
            String mentions,
            String subject) {

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        for (String line : resource("expectations.tsv").lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            fixtures.add(new Fixture(f[0], f[1], f[2], values(f[3]), values(f[4]), f[5], f[6]));
        }
        return fixtures;
    }

    @Test
    void theCorpusHasAtLeastSixtyShapes() throws IOException {
        assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachShapeIsClassifiedAsItsClientOrSituationRequires(Fixture fixture) throws Exception {
        ParsedMail mail = read(fixture.file());
        MailClassifier.Verdict verdict = MailClassifier.classify(mail, CONTEXT);

        assertThat(verdict.kind()).as("kind (%s)", verdict.reason()).hasToString(fixture.kind());
        if (!fixture.rule().equals("-")) {
            assertThat(verdict.rule()).hasToString(fixture.rule());
        }
        if (verdict.kind() != MailClassifier.Kind.PERSON) {
            assertThat(verdict.reason())
                    .as("a refusal, review or list names its reason")
                    .isNotBlank();
        }
        assertThat(verdict.autoReplyAllowed()).isEqualTo(verdict.kind() == MailClassifier.Kind.PERSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachCommentKeepsWhatWasWrittenNowAndLosesTheQuote(Fixture fixture) throws Exception {
        ParsedMail mail = read(fixture.file());
        String comment = Jsoup.parse(MailContent.replyHtml(mail)).text();

        fixture.keep().forEach(kept -> assertThat(comment).as("kept").contains(kept));
        fixture.drop().forEach(dropped -> assertThat(comment).as("cut").doesNotContain(dropped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachShapeCarriesWhatItThreadsOrIsFiledBy(Fixture fixture) throws Exception {
        ParsedMail mail = read(fixture.file());
        if (!fixture.subject().equals("-")) {
            assertThat(mail.subject()).isEqualTo(fixture.subject());
        }
        if (!fixture.mentions().equals("-")) {
            List<String> found = new ArrayList<>(mail.recipients());
            found.add(mail.from().email());
            mail.forwarded().forEach(forwarded -> {
                found.addAll(forwarded.ids());
                found.addAll(forwarded.addresses());
                found.add(forwarded.subject());
            });
            assertThat(found).contains(fixture.mentions());
        }
    }

    @Test
    void aListThatRewroteFromGivesTheWriterAsSender() throws Exception {
        assertThat(read("google-groups-rewritten-from").from().email()).isEqualTo("alice@example.org");
        assertThat(read("mailman3-dmarc-munged-from").from().email()).isEqualTo("eve@example.net");
        assertThat(read("mailman3-dmarc-munged-from").headerFrom().email()).isEqualTo("support@lists.example.org");
        assertThat(ListSender.postAddress(read("mailman2-list").headers())).contains("users@lists.project.example");
    }

    @Test
    void aForwardedAttachmentIsKeptAsAFileWithItsIds() throws Exception {
        ParsedMail mail = read("outlook-forward-as-attachment");
        assertThat(mail.attachments())
                .extracting(ParsedMail.Attachment::filename)
                .containsExactly("Printer on fire.eml");
        assertThat(mail.forwarded().getFirst().ids())
                .containsExactly("<reply-7@safaridesk.example>", "<m0@customer.example>");
        assertThat(mail.forwarded().getFirst().inline()).isFalse();
    }

    @Test
    void reportsNameTheirKind() throws Exception {
        assertThat(read("dsn-postfix-bounce").report()).isEqualTo("delivery-status");
        assertThat(read("mdn-thunderbird-read-receipt").report()).isEqualTo("disposition-notification");
        assertThat(read("mdn-disposition-part-in-mixed").report()).isEqualTo("disposition-notification");
        assertThat(read("arf-abuse-feedback-report").report()).isEqualTo("feedback-report");
        assertThat(read("tlsrpt-smtp-tls-report").report()).isEqualTo("tlsrpt");
    }

    static ParsedMail read(String name) throws Exception {
        try (InputStream in = MailFixturesUnitTests.class.getResourceAsStream("/mail/" + name + ".eml")) {
            assertThat(in).as(name).isNotNull();
            return MimeReader.read(in.readAllBytes());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MailFixturesUnitTests.class.getResourceAsStream("/mail/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> values(String field) {
        return field.equals("-") ? List.of() : Arrays.asList(field.split("\\|"));
    }
}
