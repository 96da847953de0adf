package io.safaridesk.provisioning.realm;

import static io.safaridesk.provisioning.realm.TestKeycloak.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

class RealmProvisionerIntegrationTests {

    private static final String REALM = TestKeycloak.uniqueRealm();

    private static KeycloakAdmin admin;
    private static RealmProvisioner provisioner;
    private static KeycloakLogin login;
    private static Ensured firstEnsure;

    @BeforeAll
    static void createRealm() {
        admin = new KeycloakAdmin(TestKeycloak.properties());
        provisioner = new RealmProvisioner(admin, TestKeycloak.template());
        login = new KeycloakLogin(admin);
        firstEnsure = provisioner.ensureRealm(new RealmSpec(REALM, "Acme Safaris"));
    }

    @AfterAll
    static void deleteRealm() {
        provisioner.deleteRealm(REALM);
        admin.close();
    }

    @Test
    void createsTheRealmFromTheTemplate() {
        RealmRepresentation realm =
                admin.call("read", keycloak -> keycloak.realm(REALM).toRepresentation());
        List<String> roles = admin.call(
                "read",
                keycloak -> keycloak.realm(REALM).roles().list().stream()
                        .map(RoleRepresentation::getName)
                        .toList());
        List<ClientRepresentation> clients =
                admin.call("read", keycloak -> keycloak.realm(REALM).clients().findAll());

        assertThat(firstEnsure).isEqualTo(Ensured.CREATED);
        assertThat(provisioner.realmExists(REALM)).isTrue();
        assertThat(realm.getDisplayName()).isEqualTo("Acme Safaris");
        assertThat(roles).contains("admin", "agent", "customer");
        assertThat(clients)
                .filteredOn(client -> client.getClientId().equals("safaridesk-spa"))
                .singleElement()
                .satisfies(spa -> {
                    assertThat(spa.isPublicClient()).isTrue();
                    assertThat(spa.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
                    assertThat(spa.isDirectAccessGrantsEnabled()).isTrue();
                });
        assertThat(clients)
                .filteredOn(client -> client.getClientId().equals("safaridesk-service"))
                .singleElement()
                .satisfies(service -> {
                    assertThat(service.isPublicClient()).isFalse();
                    assertThat(service.isServiceAccountsEnabled()).isTrue();
                });
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getPasswordPolicy()).contains("length(10)", "notUsername");
        assertThat(realm.getBrowserFlow()).isEqualTo("safaridesk browser");
        assertThat(realm.getDirectGrantFlow()).isEqualTo("safaridesk direct grant");
        assertThat(realm.getResetCredentialsFlow()).isEqualTo("reset credentials");
        assertThat(realm.getSmtpServer()).containsEntry("from", "no-reply@safaridesk.local");
        assertThat(realm.getAccessTokenLifespan()).isEqualTo(300);
    }

    @Test
    void ensuringAnExistingRealmLeavesItAsItIs() {
        Ensured again = provisioner.ensureRealm(new RealmSpec(REALM, "Another Name"));

        assertThat(again).isEqualTo(Ensured.ALREADY_PRESENT);
        assertThat(admin.call("read", keycloak -> keycloak.realm(REALM).toRepresentation())
                        .getDisplayName())
                .isEqualTo("Acme Safaris");
    }

    @Test
    void createsTheFirstAdminWithAHashedPasswordAndOtpToSetUp() {
        String email = TestKeycloak.uniqueEmail("Owner");
        AdminSpec spec = new AdminSpec(email, "Olga", "Owner", PasswordHash.of(PASSWORD.toCharArray()));

        Ensured created = provisioner.ensureAdmin(REALM, spec);

        UserRepresentation user = TestKeycloak.user(admin, REALM, email.toLowerCase());
        assertThat(created).isEqualTo(Ensured.CREATED);
        assertThat(user.getEmail()).isEqualTo(email.toLowerCase());
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(user.getRequiredActions()).containsExactly("CONFIGURE_TOTP");
        assertThat(realmRoles(user)).contains("admin");
        assertThat(credentials(user))
                .extracting(CredentialRepresentation::getType)
                .containsExactly("password");
        // the hash works: the password is accepted, and only then is the missing OTP set-up refused
        assertThat(login.login(REALM, email, PASSWORD, null)).isInstanceOf(LoginResult.AccountNotSetUp.class);
    }

    @Test
    void ensuringTheAdminTwiceCreatesOneUser() {
        String email = TestKeycloak.uniqueEmail("twice");
        AdminSpec spec = new AdminSpec(email, "Tess", "Twice", PasswordHash.of(PASSWORD.toCharArray()));

        Ensured first = provisioner.ensureAdmin(REALM, spec);
        Ensured second = provisioner.ensureAdmin(REALM, spec);

        assertThat(first).isEqualTo(Ensured.CREATED);
        assertThat(second).isEqualTo(Ensured.ALREADY_PRESENT);
        List<UserRepresentation> users =
                admin.call("find", keycloak -> keycloak.realm(REALM).users().searchByEmail(email, true));
        assertThat(users).hasSize(1);
    }

    @Test
    void leavesAnExistingUserAloneButMakesItAnAdmin() {
        String email = TestKeycloak.uniqueEmail("agent");
        TestKeycloak.createUser(admin, REALM, email, null, "agent");

        Ensured result = provisioner.ensureAdmin(
                REALM, new AdminSpec(email, "Other", "Name", PasswordHash.of("Another-Password-2".toCharArray())));

        UserRepresentation user = TestKeycloak.user(admin, REALM, email);
        assertThat(result).isEqualTo(Ensured.ALREADY_PRESENT);
        assertThat(user.getFirstName()).isEqualTo("Test");
        assertThat(user.getRequiredActions()).isEmpty();
        assertThat(realmRoles(user)).contains("admin", "agent");
    }

    @Test
    void aDisabledRealmRefusesLoginUntilEnabledAgain() {
        String realm = TestKeycloak.uniqueRealm();
        try {
            provisioner.ensureRealm(new RealmSpec(realm, "Suspended Co"));
            String email = TestKeycloak.uniqueEmail("customer");
            TestKeycloak.createUser(admin, realm, email, null, "customer");

            provisioner.disableRealm(realm);
            LoginResult whileDisabled = login.login(realm, email, PASSWORD, null);
            provisioner.enableRealm(realm);
            LoginResult afterEnabling = login.login(realm, email, PASSWORD, null);

            assertThat(whileDisabled).isInstanceOf(LoginResult.RealmDisabled.class);
            assertThat(afterEnabling).isInstanceOf(LoginResult.Tokens.class);
        } finally {
            provisioner.deleteRealm(realm);
        }
    }

    @Test
    void deletingARealmTwiceIsFine() {
        String realm = TestKeycloak.uniqueRealm();
        provisioner.ensureRealm(new RealmSpec(realm, "Short Lived"));

        provisioner.deleteRealm(realm);
        provisioner.deleteRealm(realm);

        assertThat(provisioner.realmExists(realm)).isFalse();
    }

    @Test
    void neverTouchesTheMasterRealmOrAnUnsafeName() {
        assertThatIllegalArgumentException().isThrownBy(() -> provisioner.deleteRealm("master"));
        assertThatIllegalArgumentException().isThrownBy(() -> provisioner.disableRealm("../master"));
        assertThatIllegalArgumentException().isThrownBy(() -> provisioner.realmExists("Acme"));
    }

    private static List<String> realmRoles(UserRepresentation user) {
        return admin.call(
                "read roles",
                keycloak ->
                        keycloak.realm(REALM).users().get(user.getId()).roles().realmLevel().listEffective().stream()
                                .map(RoleRepresentation::getName)
                                .toList());
    }

    private static List<CredentialRepresentation> credentials(UserRepresentation user) {
        return admin.call(
                "read credentials",
                keycloak -> keycloak.realm(REALM).users().get(user.getId()).credentials());
    }
}
