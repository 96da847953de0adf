package io.safaridesk.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Keycloak down is something to wait for; Keycloak saying no is not. */
class KeycloakFailuresIntegrationTests {

    private static final KeycloakAdminProperties NOTHING_LISTENS =
            new KeycloakAdminProperties(URI.create("http://127.0.0.1:1"), "admin", "admin");

    @Test
    void anUnreachableKeycloakIsUnavailableForProvisioning() {
        try (KeycloakAdmin admin = new KeycloakAdmin(NOTHING_LISTENS)) {
            RealmProvisioner provisioner = new RealmProvisioner(admin, TestKeycloak.template());
            String realm = TestKeycloak.uniqueRealm();

            assertThatThrownBy(() -> provisioner.ensureRealm(new RealmSpec(realm, "Nobody Home")))
                    .isInstanceOf(KeycloakUnavailable.class)
                    .hasMessageContaining("http://127.0.0.1:1");
            assertThatThrownBy(() -> provisioner.deleteRealm(realm)).isInstanceOf(KeycloakUnavailable.class);
            assertThatThrownBy(() -> provisioner.ensureAdmin(
                            realm,
                            new AdminSpec(
                                    "owner@example.com",
                                    "Olga",
                                    "Owner",
                                    PasswordHash.of(TestKeycloak.PASSWORD.toCharArray()))))
                    .isInstanceOf(KeycloakUnavailable.class);
        }
    }

    @Test
    void anUnreachableKeycloakIsUnavailableForLogin() {
        try (KeycloakAdmin admin = new KeycloakAdmin(NOTHING_LISTENS)) {
            KeycloakLogin login = new KeycloakLogin(admin);
            String realm = TestKeycloak.uniqueRealm();

            assertThatThrownBy(() -> login.login(realm, "someone@example.com", TestKeycloak.PASSWORD, null))
                    .isInstanceOf(KeycloakUnavailable.class);
            assertThatThrownBy(() -> login.sendPasswordReset(realm, "someone@example.com"))
                    .isInstanceOf(KeycloakUnavailable.class);
        }
    }

    @Test
    void wrongAdminCredentialsAreARefusalNotAnOutage() {
        KeycloakAdminProperties real = TestKeycloak.properties();
        // an administrator that does not exist, so that no real account collects failed logins
        KeycloakAdminProperties unknownAdmin =
                new KeycloakAdminProperties(real.url(), "no-such-admin-" + TestKeycloak.uniqueRealm(), "wrong");
        try (KeycloakAdmin admin = new KeycloakAdmin(unknownAdmin)) {
            RealmProvisioner provisioner = new RealmProvisioner(admin, TestKeycloak.template());

            assertThatThrownBy(() -> provisioner.realmExists(TestKeycloak.uniqueRealm()))
                    .isInstanceOfSatisfying(
                            KeycloakRefused.class,
                            refused -> org.assertj.core.api.Assertions.assertThat(refused.status())
                                    .isEqualTo(401));
        }
    }
}
