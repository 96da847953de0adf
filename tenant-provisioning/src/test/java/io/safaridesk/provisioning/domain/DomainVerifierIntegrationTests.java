package io.safaridesk.provisioning.domain;

import static io.safaridesk.provisioning.domain.Dnsmasq.txtRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier against a real DNS server (dnsmasq on loopback) and real web servers (the JDK's, on loopback). Names
 * under {@code .test} resolve to 127.0.0.1 in this JVM ({@link LoopbackTestDomains}).
 */
class DomainVerifierIntegrationTests {

    private static final String CHALLENGE = "_safaridesk-challenge.acme.test";
    private static final DomainName ACME = DomainName.of("acme.test");
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(1);
    private static final String FILE = WellKnownFileCheck.PATH;

    private final VerificationToken token = VerificationToken.generate();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    @AfterEach
    void closeResources() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    // DNS TXT

    @Test
    void verifiesByDnsWhenTheChallengeRecordHoldsTheToken() {
        Dnsmasq dns = dnsmasq(txtRecord(CHALLENGE, token.value()));

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(ACME, token);

        assertThat(verification.verified()).isTrue();
        assertThat(verification.method()).isEqualTo(VerificationMethod.DNS_TXT);
        assertThat(verification.reason()).isNull();
    }

    @Test
    void joinsTheCharacterStringsOfOneTxtRecord() {
        String value = token.value();
        Dnsmasq dns = dnsmasq(txtRecord(CHALLENGE, value.substring(0, 10), value.substring(10)));

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(ACME, token);

        assertThat(verification.method()).isEqualTo(VerificationMethod.DNS_TXT);
    }

    @Test
    void verifiesWhenAnyOneOfSeveralTxtRecordsHoldsTheToken() {
        Dnsmasq dns = dnsmasq(
                txtRecord(CHALLENGE, "v=spf1 -all"),
                txtRecord(CHALLENGE, token.value()),
                txtRecord(CHALLENGE, VerificationToken.generate().value()));

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(ACME, token);

        assertThat(verification.method()).isEqualTo(VerificationMethod.DNS_TXT);
    }

    @Test
    void doesNotVerifyWhenTheTxtRecordHoldsAnotherValue() {
        VerificationToken old = VerificationToken.generate();
        Dnsmasq dns = dnsmasq(txtRecord(CHALLENGE, old.value()));

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.method()).isNull();
        assertThat(verification.reason())
                .contains("the TXT record at " + CHALLENGE + " holds a different value")
                .contains(old.value())
                .contains(token.value());
    }

    @Test
    void doesNotVerifyWhenTheChallengeNameDoesNotExist() {
        Dnsmasq dns = dnsmasq(txtRecord("_safaridesk-challenge.other.test", token.value()));

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("no TXT record at " + CHALLENGE + " (the name does not exist)");
    }

    @Test
    void doesNotVerifyWhenTheChallengeNameHasNoTxtRecord() {
        Dnsmasq dns = dnsmasq("host-record=" + CHALLENGE + ",127.0.0.1");

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason())
                .contains("no TXT record at " + CHALLENGE)
                .doesNotContain("does not exist");
    }

    @Test
    void seesARecordPublishedAfterAFailedCheck() {
        Dnsmasq dns = dnsmasq();
        DomainVerifier verifier = verifier(settings(dns, false, closedPort()));
        assertThat(verifier.verify(ACME, token).verified()).isFalse();

        dns.restartWith(txtRecord(CHALLENGE, token.value()));

        assertThat(verifier.verify(ACME, token).method()).isEqualTo(VerificationMethod.DNS_TXT);
    }

    @Test
    void saysSoWhenTheResolverDoesNotAnswer() throws IOException {
        try (var silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            var settings = new DomainVerificationProperties(
                    "127.0.0.1:" + silent.getLocalPort(),
                    false,
                    true,
                    Duration.ofMillis(300),
                    HTTP_TIMEOUT,
                    closedPort());

            DomainVerification verification = verifier(settings).verify(ACME, token);

            assertThat(verification.verified()).isFalse();
            assertThat(verification.reason()).contains("the DNS resolver did not answer within 0.3 s");
        }
    }

    // well-known file

    @Test
    void verifiesByTheWellKnownFileOverPlainHttpWhenThatIsAllowed() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer site = server(WellKnownServer.http().serving(FILE, token.value() + "\n"));

        DomainVerification verification =
                verifier(settings(dns, true, site.port())).verify(ACME, token);

        assertThat(verification.verified()).isTrue();
        assertThat(verification.method()).isEqualTo(VerificationMethod.WELL_KNOWN_FILE);
    }

    @Test
    void refusesTheWellKnownFileOverPlainHttpWhenThatIsNotAllowed() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer site = server(WellKnownServer.http().serving(FILE, token.value()));

        DomainVerification verification =
                verifier(settings(dns, false, site.port())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason())
                .contains("acme.test:" + site.port())
                .contains("within 1 s")
                .contains("fetched over https only, plain http is not accepted");
        assertThat(site.requests()).isZero();
    }

    @Test
    void verifiesByTheWellKnownFileOverHttps() {
        Dnsmasq dns = dnsmasq();
        TestCertificate certificate = TestCertificate.forHost("acme.test");
        WellKnownServer site = server(WellKnownServer.https(certificate).serving(FILE, token.value()));

        DomainVerification verification =
                verifier(settings(dns, false, site.port()), certificate).verify(ACME, token);

        assertThat(verification.method()).isEqualTo(VerificationMethod.WELL_KNOWN_FILE);
    }

    @Test
    void refusesARedirectFromHttpsToPlainHttp() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer plain = server(WellKnownServer.http().serving(FILE, token.value()));
        TestCertificate certificate = TestCertificate.forHost("acme.test");
        WellKnownServer site =
                server(WellKnownServer.https(certificate).redirecting(FILE, "http://acme.test:" + plain.port() + FILE));

        DomainVerification verification =
                verifier(settings(dns, false, site.port()), certificate).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("redirects to plain http").contains("refused");
        assertThat(plain.requests()).isZero();
    }

    @Test
    void followsARedirectOnTheSameHost() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer site = server(WellKnownServer.http()
                .redirecting(FILE, "/verification/current.txt")
                .serving("/verification/current.txt", token.value()));

        DomainVerification verification =
                verifier(settings(dns, true, site.port())).verify(ACME, token);

        assertThat(verification.method()).isEqualTo(VerificationMethod.WELL_KNOWN_FILE);
    }

    @Test
    void doesNotFollowARedirectToAnotherHost() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer elsewhere = server(WellKnownServer.http().serving(FILE, token.value()));
        WellKnownServer site =
                server(WellKnownServer.http().redirecting(FILE, "http://127.0.0.1:" + elsewhere.port() + FILE));

        DomainVerification verification =
                verifier(settings(dns, true, site.port())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("redirects to another host (127.0.0.1)");
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void doesNotAcceptAnOversizedBodyEvenWhenItTrimsToTheToken() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer site = server(WellKnownServer.http().serving(FILE, token.value() + " ".repeat(8 * 1024)));

        DomainVerification verification =
                verifier(settings(dns, true, site.port())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("answered with more than 4096 bytes");
    }

    @Test
    void doesNotVerifyWhenTheFileHoldsAnotherValue() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer site = server(WellKnownServer.http().serving(FILE, "<html>not here</html>"));

        DomainVerification verification =
                verifier(settings(dns, true, site.port())).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("holds \"<html>not here</html>\", not the token");
    }

    @Test
    void reportsTheHttpStatusWhenTheFileIsMissing() {
        Dnsmasq dns = dnsmasq();
        WellKnownServer site = server(WellKnownServer.http().answering(FILE, 404));

        DomainVerification verification =
                verifier(settings(dns, true, site.port())).verify(ACME, token);

        assertThat(verification.reason())
                .isEqualTo("DNS: no TXT record at " + CHALLENGE + " (the name does not exist). Well-known file: "
                        + "http://acme.test:" + site.port() + FILE + " answered HTTP 404.");
    }

    @Test
    void doesNotFetchFromALoopbackAddressUnlessTestDomainsAreAllowed() {
        WellKnownServer site = server(WellKnownServer.http().serving(FILE, token.value()));
        var production = new DomainVerificationProperties(null, true, false, DNS_TIMEOUT, HTTP_TIMEOUT, site.port());

        try (var check = new WellKnownFileCheck(
                production, TestCertificate.forHost("acme.test").client())) {
            CheckOutcome outcome = check.check(ACME, token);

            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.detail()).contains("acme.test resolves to the non-public address 127.0.0.1");
        }
        assertThat(site.requests()).isZero();
    }

    // eligibility

    @Test
    void doesNotVerifyATestDomainUnlessTestDomainsAreAllowed() {
        Dnsmasq dns = dnsmasq(txtRecord(CHALLENGE, token.value()));
        var production = new DomainVerificationProperties(
                dns.hostAndPort(), false, false, DNS_TIMEOUT, HTTP_TIMEOUT, closedPort());

        DomainVerification verification = verifier(production).verify(ACME, token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason())
                .isEqualTo("acme.test is reserved for documentation and testing, not a real domain");
    }

    @Test
    void neverVerifiesAFreeMailDomain() {
        Dnsmasq dns = dnsmasq(txtRecord("_safaridesk-challenge.gmail.com", token.value()));

        DomainVerification verification =
                verifier(settings(dns, false, closedPort())).verify(DomainName.of("gmail.com"), token);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("gmail.com is a free mail provider");
    }

    // set-up

    private Dnsmasq dnsmasq(String... records) {
        return track(Dnsmasq.start(records));
    }

    private WellKnownServer server(WellKnownServer server) {
        return track(server);
    }

    private DomainVerifier verifier(DomainVerificationProperties settings) {
        return track(DomainVerifier.create(settings));
    }

    private DomainVerifier verifier(DomainVerificationProperties settings, TestCertificate trusted) {
        return track(DomainVerifier.create(settings, trusted.client()));
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    private static DomainVerificationProperties settings(Dnsmasq dns, boolean allowPlainHttp, int wellKnownPort) {
        return new DomainVerificationProperties(
                dns.hostAndPort(), allowPlainHttp, true, DNS_TIMEOUT, HTTP_TIMEOUT, wellKnownPort);
    }

    /** A port nothing listens on: the well-known file check fails fast there. */
    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
