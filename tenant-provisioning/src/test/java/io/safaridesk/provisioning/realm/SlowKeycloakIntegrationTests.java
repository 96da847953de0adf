package io.safaridesk.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.testing.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin client of a cell whose Keycloak is slow or does not answer: every call ends, none hangs. */
class SlowKeycloakIntegrationTests {

    // short, but above what a Keycloak on a busy CI machine needs to read a realm
    private static final KeycloakClientSettings SHORT =
            new KeycloakClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2), 2);

    private TcpProxy proxy;
    private KeycloakAdmin admin;

    @BeforeEach
    void throughAProxy() {
        KeycloakAdminProperties real = TestKeycloak.properties();
        proxy = TcpProxy.to(real.url());
        admin = new KeycloakAdmin(
                new KeycloakAdminProperties(proxy.url(real.url()), real.adminUser(), real.adminPassword()), SHORT);
    }

    @AfterEach
    void close() {
        admin.close();
        proxy.close();
    }

    @Test
    void aKeycloakThatNeverAnswersFailsACallWithinItsBound() {
        RealmProvisioner provisioner = new RealmProvisioner(admin, TestKeycloak.template());
        assertThat(provisioner.realmExists(TestKeycloak.uniqueRealm())).isFalse(); // token and a pooled connection
        proxy.silent();

        long started = System.nanoTime();
        assertThatThrownBy(() -> provisioner.realmExists(TestKeycloak.uniqueRealm()))
                .isInstanceOf(KeycloakUnavailable.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("A call to a silent Keycloak failed after %d ms%n", took.toMillis());
        assertThat(took).isLessThanOrEqualTo(SHORT.longestCall().plusSeconds(1));
    }

    @Test
    void callsWaitingForAPooledConnectionGiveUpInsteadOfHanging() throws Exception {
        RealmProvisioner provisioner = new RealmProvisioner(admin, TestKeycloak.template());
        assertThat(provisioner.realmExists(TestKeycloak.uniqueRealm())).isFalse();
        proxy.silent();

        long started = System.nanoTime();
        List<Future<Throwable>> calls;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // twice as many calls as the pool has connections: half of them wait for one
            calls = IntStream.range(0, 2 * SHORT.poolSize())
                    .mapToObj(i -> threads.submit(() -> {
                        try {
                            provisioner.realmExists(TestKeycloak.uniqueRealm());
                            return (Throwable) null;
                        } catch (RuntimeException e) {
                            return e;
                        }
                    }))
                    .toList();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf(
                "%d calls to a silent Keycloak through a pool of %d all failed after %d ms%n",
                calls.size(), SHORT.poolSize(), took.toMillis());
        assertThat(calls).allSatisfy(call -> assertThat(call.resultNow()).isInstanceOf(KeycloakUnavailable.class));
        assertThat(took).isLessThanOrEqualTo(SHORT.longestCall().plusSeconds(2));
    }

    @Test
    void aRealmMadeByARequestAnsweredTooLateIsFound() {
        RealmProvisioner provisioner = new RealmProvisioner(admin, TestKeycloak.template());
        String realm = TestKeycloak.uniqueRealm();
        assertThat(provisioner.realmExists(realm)).isFalse();
        // Keycloak makes the realm (on a busy machine slower than the read timeout), but its answer comes after the
        // client stopped waiting
        proxy.latency(Duration.ofSeconds(30), requestLine -> requestLine.startsWith("POST /admin/realms "));

        Ensured ensured = provisioner.ensureRealm(new RealmSpec(realm, "Late Answers Ltd"));

        assertThat(ensured).isEqualTo(Ensured.CREATED);
        proxy.heal();
        assertThat(provisioner.realmExists(realm)).isTrue();
        provisioner.deleteRealm(realm);
    }

    @Test
    void theAdminStepRefusesToRunWithoutItsRealm() {
        RealmProvisioner provisioner = new RealmProvisioner(admin, TestKeycloak.template());

        assertThatThrownBy(() -> provisioner.ensureAdmin(
                        TestKeycloak.uniqueRealm(),
                        new AdminSpec(
                                "owner@example.com",
                                "Olga",
                                "Owner",
                                PasswordHash.of(TestKeycloak.PASSWORD.toCharArray()))))
                .isInstanceOf(RealmMissing.class);
    }

    @Test
    void aStoppedKeycloakIsUnavailableAtOnce() {
        proxy.stop();
        long started = System.nanoTime();

        assertThatThrownBy(() -> new KeycloakLogin(admin).login(TestKeycloak.uniqueRealm(), "a@example.com", "x", null))
                .isInstanceOf(KeycloakUnavailable.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(SHORT.connectTimeout().plusSeconds(1));
    }
}
