package io.safaridesk.provisioning.domain;

import static io.safaridesk.provisioning.domain.Dnsmasq.txtRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The DNS server inside the JVM, asked over the network by dnsjava's resolver as the verifier asks it. */
class EmbeddedDnsServerIntegrationTests {

    private static final String CHALLENGE = "_safaridesk-challenge.acme.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private EmbeddedDnsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersATxtQueryWithEveryCharacterStringOfTheRecord() {
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, "first half ", "second, half")));

        Lookup lookup = lookup(CHALLENGE, Type.TXT);
        Record[] answers = lookup.run();

        assertThat(lookup.getResult()).isEqualTo(Lookup.SUCCESSFUL);
        assertThat(strings(answers)).containsExactly(List.of("first half ", "second, half"));
    }

    @Test
    void answersATxtQueryWithEveryRecordAtTheName() {
        server = EmbeddedDnsServer.start(List.of(
                txtRecord(CHALLENGE, "v=spf1 -all"), txtRecord(CHALLENGE, "token"), txtRecord("other.test", "no")));

        Lookup lookup = lookup(CHALLENGE, Type.TXT);
        Record[] answers = lookup.run();

        assertThat(lookup.getResult()).isEqualTo(Lookup.SUCCESSFUL);
        assertThat(strings(answers)).containsExactlyInAnyOrder(List.of("v=spf1 -all"), List.of("token"));
    }

    @Test
    void splitsATextLongerThan255BytesIntoSeveralCharacterStrings() {
        String text = "x".repeat(300);
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, text)));

        Record[] answers = lookup(CHALLENGE, Type.TXT).run();

        assertThat(strings(answers)).containsExactly(List.of("x".repeat(255), "x".repeat(45)));
    }

    @Test
    void answersAnAddressQueryFromAHostRecord() {
        server = EmbeddedDnsServer.start(List.of("host-record=" + CHALLENGE + ",192.0.2.7"));

        Lookup lookup = lookup(CHALLENGE, Type.A);
        Record[] answers = lookup.run();

        assertThat(lookup.getResult()).isEqualTo(Lookup.SUCCESSFUL);
        assertThat(answers)
                .singleElement()
                .isInstanceOfSatisfying(
                        ARecord.class,
                        a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("192.0.2.7"));
    }

    @Test
    void answersNoErrorWithoutRecordsForAKnownNameAskedForATypeItDoesNotHave() throws IOException {
        server = EmbeddedDnsServer.start(List.of("host-record=" + CHALLENGE + ",127.0.0.1"));

        Lookup lookup = lookup(CHALLENGE, Type.TXT);
        lookup.run();
        Message response = send(CHALLENGE, Type.TXT);

        assertThat(lookup.getResult()).isEqualTo(Lookup.TYPE_NOT_FOUND);
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void answersNxdomainForAnUnknownNameUnderTest() throws IOException {
        server = EmbeddedDnsServer.start(List.of(txtRecord("_safaridesk-challenge.other.test", "token")));

        Lookup lookup = lookup(CHALLENGE, Type.TXT);
        lookup.run();
        Message response = send(CHALLENGE, Type.TXT);

        assertThat(lookup.getResult()).isEqualTo(Lookup.HOST_NOT_FOUND);
        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
    }

    @Test
    void answersNoErrorWithoutRecordsForANameUnderTestThatOnlyHasRecordsBelowIt() throws IOException {
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, "token")));

        Lookup lookup = lookup("acme.test", Type.TXT);
        lookup.run();

        assertThat(lookup.getResult()).isEqualTo(Lookup.TYPE_NOT_FOUND);
        assertThat(send("test", Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(send("challenge.acme.test", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void refusesAnUnknownNameOutsideTest() throws IOException {
        server = EmbeddedDnsServer.start(List.of());

        Message response = send("example.com", Type.TXT);

        assertThat(response.getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void matchesNamesWhateverTheirCase() {
        server = EmbeddedDnsServer.start(List.of(txtRecord("_SafariDesk-Challenge.ACME.test", "token")));

        Record[] answers = lookup("_safaridesk-challenge.acme.TEST", Type.TXT).run();

        assertThat(strings(answers)).containsExactly(List.of("token"));
    }

    @Test
    void answersAsAnAuthorityToTheQuestionAsked() throws IOException {
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, "token")));
        Message query = query(CHALLENGE, Type.TXT);

        Message response = resolver().send(query);

        assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getQuestion()).isEqualTo(query.getQuestion());
    }

    @Test
    void servesReplacedRecordsFromTheNextQueryOnTheSamePort() {
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, "old")));
        int port = server.port();
        assertThat(strings(lookup(CHALLENGE, Type.TXT).run())).containsExactly(List.of("old"));

        server.replaceRecords(List.of(txtRecord(CHALLENGE, "new")));

        assertThat(server.port()).isEqualTo(port);
        assertThat(strings(lookup(CHALLENGE, Type.TXT).run())).containsExactly(List.of("new"));
    }

    @Test
    void answersOverTcp() throws IOException {
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, "token")));
        SimpleResolver tcp = resolver();
        tcp.setTCP(true);

        Message response = tcp.send(query(CHALLENGE, Type.TXT));

        assertThat(strings(response.getSection(Section.ANSWER).toArray(Record[]::new)))
                .containsExactly(List.of("token"));
    }

    @Test
    void truncatesAnAnswerTooLongForUdpSoThatTheClientAsksAgainOverTcp() throws IOException {
        String[] records = Stream.iterate(0, i -> i + 1)
                .limit(10)
                .map(i -> txtRecord(CHALLENGE, i + "x".repeat(200)))
                .toArray(String[]::new);
        server = EmbeddedDnsServer.start(List.of(records));
        SimpleResolver udpOnly = resolver();
        udpOnly.setIgnoreTruncation(true);

        Message truncated = udpOnly.send(query(CHALLENGE, Type.TXT));
        Record[] answers = lookup(CHALLENGE, Type.TXT).run();

        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(answers).hasSize(10);
    }

    @Test
    void stopsAnsweringWhenClosed() {
        server = EmbeddedDnsServer.start(List.of(txtRecord(CHALLENGE, "token")));
        Lookup before = lookup(CHALLENGE, Type.TXT);
        before.run();

        server.close();
        Lookup after = lookup(CHALLENGE, Type.TXT, Duration.ofMillis(300));
        after.run();

        assertThat(before.getResult()).isEqualTo(Lookup.SUCCESSFUL);
        assertThat(after.getResult()).isEqualTo(Lookup.TRY_AGAIN);
    }

    @Test
    void refusesAConfigurationLineItDoesNotServe() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddedDnsServer.start(List.of("cname=www.acme.test,acme.test")))
                .withMessageContaining("not cname");
    }

    private Lookup lookup(String name, int type) {
        return lookup(name, type, TIMEOUT);
    }

    private Lookup lookup(String name, int type, Duration timeout) {
        var lookup = new Lookup(absolute(name), type, DClass.IN);
        SimpleResolver resolver = resolver();
        resolver.setTimeout(timeout);
        lookup.setResolver(resolver);
        lookup.setCache(null);
        return lookup;
    }

    private Message send(String name, int type) throws IOException {
        return resolver().send(query(name, type));
    }

    private SimpleResolver resolver() {
        var resolver = new SimpleResolver(new InetSocketAddress(LoopbackDnsServer.ADDRESS, server.port()));
        resolver.setTimeout(TIMEOUT);
        return resolver;
    }

    private static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(absolute(name), type, DClass.IN));
    }

    private static Name absolute(String name) {
        return Name.fromConstantString(name + ".");
    }

    private static List<List<String>> strings(Record @Nullable [] answers) {
        return Stream.ofNullable(answers)
                .flatMap(Stream::of)
                .map(TXTRecord.class::cast)
                .map(TXTRecord::getStrings)
                .toList();
    }
}
