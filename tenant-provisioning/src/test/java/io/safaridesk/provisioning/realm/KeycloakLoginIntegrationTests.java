package io.safaridesk.provisioning.realm;

import static io.safaridesk.provisioning.realm.TestKeycloak.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.testing.Totp;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Logging in to a realm made from the template. Every test has its own user: a second failed attempt within a second
 * locks a user out (brute-force protection), and a TOTP code cannot be used twice.
 */
class KeycloakLoginIntegrationTests {

    private static final String REALM = TestKeycloak.uniqueRealm();

    private static KeycloakAdmin admin;
    private static RealmProvisioner provisioner;
    private static KeycloakLogin login;

    @BeforeAll
    static void createRealm() {
        admin = new KeycloakAdmin(TestKeycloak.properties());
        provisioner = new RealmProvisioner(admin, TestKeycloak.template());
        login = new KeycloakLogin(admin);
        provisioner.ensureRealm(new RealmSpec(REALM, "Login Tests"));
    }

    @AfterAll
    static void deleteRealm() {
        provisioner.deleteRealm(REALM);
        admin.close();
    }

    @Test
    void theFirstAdminLogsInWithPasswordAndTotp() {
        String secret = TestKeycloak.uniqueOtpSecret();
        String email = ensureAdmin(secret);

        LoginResult result = login.login(REALM, email, PASSWORD, Totp.now(secret));

        assertThat(result).isInstanceOfSatisfying(LoginResult.Tokens.class, tokens -> {
            JsonNode claims = TestKeycloak.claims(tokens.accessToken());
            assertThat(claims.path("iss").asText()).endsWith("/realms/" + REALM);
            assertThat(claims.path("realm_access").path("roles").toString()).contains("\"admin\"");
            assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(5));
            assertThat(tokens.refreshToken()).isNotBlank();
        });
    }

    @Test
    void anAdminWithoutACodeIsAskedForOtp() {
        String email = ensureAdmin(TestKeycloak.uniqueOtpSecret());

        assertThat(login.login(REALM, email, PASSWORD, null)).isInstanceOf(LoginResult.OtpRequired.class);
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsEvenWithTheRightCode() {
        String secret = TestKeycloak.uniqueOtpSecret();
        String email = ensureAdmin(secret);

        assertThat(login.login(REALM, email, "Wrong-Password-9", Totp.now(secret)))
                .isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void aWrongCodeIsInvalidCredentials() {
        String secret = TestKeycloak.uniqueOtpSecret();
        String email = ensureAdmin(secret);
        String wrongCode = Totp.now(secret).equals("000000") ? "111111" : "000000";

        assertThat(login.login(REALM, email, PASSWORD, wrongCode)).isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void anAgentNeedsOtpToo() {
        String secret = TestKeycloak.uniqueOtpSecret();
        String withCode = TestKeycloak.uniqueEmail("agent");
        String withoutCode = TestKeycloak.uniqueEmail("agent");
        TestKeycloak.createUser(admin, REALM, withCode, secret, "agent");
        TestKeycloak.createUser(admin, REALM, withoutCode, secret, "agent");

        assertThat(login.login(REALM, withoutCode, PASSWORD, null)).isInstanceOf(LoginResult.OtpRequired.class);
        assertThat(login.login(REALM, withCode, PASSWORD, Totp.now(secret))).isInstanceOf(LoginResult.Tokens.class);
    }

    @Test
    void anAdminWhoIsAlsoAnAgentGivesOneCode() {
        String secret = TestKeycloak.uniqueOtpSecret();
        String email = TestKeycloak.uniqueEmail("both");
        TestKeycloak.createUser(admin, REALM, email, secret, "admin", "agent");

        assertThat(login.login(REALM, email, PASSWORD, Totp.now(secret))).isInstanceOf(LoginResult.Tokens.class);
    }

    @Test
    void anAgentWithoutAnOtpCredentialMustFinishSettingUp() {
        String email = TestKeycloak.uniqueEmail("agent");
        TestKeycloak.createUser(admin, REALM, email, null, "agent");

        assertThat(login.login(REALM, email, PASSWORD, null)).isInstanceOf(LoginResult.AccountNotSetUp.class);
    }

    @Test
    void aCustomerLogsInWithoutOtp() {
        String email = TestKeycloak.uniqueEmail("customer");
        TestKeycloak.createUser(admin, REALM, email, null, "customer");

        LoginResult result = login.login(REALM, email, PASSWORD, null);

        assertThat(result)
                .isInstanceOfSatisfying(
                        LoginResult.Tokens.class,
                        tokens -> assertThat(TestKeycloak.claims(tokens.accessToken())
                                        .path("realm_access")
                                        .path("roles")
                                        .toString())
                                .contains("\"customer\"")
                                .doesNotContain("\"admin\"", "\"agent\""));
    }

    @Test
    void aCustomerWithAWrongPasswordHasInvalidCredentials() {
        String email = TestKeycloak.uniqueEmail("customer");
        TestKeycloak.createUser(admin, REALM, email, null, "customer");

        assertThat(login.login(REALM, email, "Wrong-Password-9", null))
                .isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void anUnknownUserHasInvalidCredentials() {
        assertThat(login.login(REALM, TestKeycloak.uniqueEmail("nobody"), PASSWORD, null))
                .isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void aDisabledUserIsTold() {
        String email = TestKeycloak.uniqueEmail("customer");
        String id = TestKeycloak.createUser(admin, REALM, email, null, "customer");
        UserRepresentation disabled = new UserRepresentation();
        disabled.setEnabled(false);
        admin.run("disable", keycloak -> keycloak.realm(REALM).users().get(id).update(disabled));

        assertThat(login.login(REALM, email, PASSWORD, null)).isInstanceOf(LoginResult.AccountDisabled.class);
    }

    @Test
    void anUnknownRealmIsNotFound() {
        assertThat(login.login(TestKeycloak.uniqueRealm(), "someone@example.com", PASSWORD, null))
                .isInstanceOf(LoginResult.RealmNotFound.class);
        assertThat(login.login("master", "admin", "admin", null)).isInstanceOf(LoginResult.RealmNotFound.class);
    }

    @Test
    void sendsAPasswordResetMailToAKnownAddress() {
        String email = TestKeycloak.uniqueEmail("forgetful");
        TestKeycloak.createUser(admin, REALM, email, null, "customer");

        login.sendPasswordReset(REALM, email);

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(subjectsOfMailTo(email)).isNotEmpty());
    }

    @Test
    void answersAnUnknownAddressLikeAKnownOne() throws Exception {
        String email = TestKeycloak.uniqueEmail("stranger");

        login.sendPasswordReset(REALM, email); // returns normally, as for a known address

        assertThat(subjectsOfMailTo(email)).isEmpty();
    }

    private static String ensureAdmin(String otpSecret) {
        String email = TestKeycloak.uniqueEmail("admin");
        provisioner.ensureAdmin(
                REALM, new AdminSpec(email, "Ada", "Admin", PasswordHash.of(PASSWORD.toCharArray()), otpSecret));
        return email;
    }

    /** The subjects in the GreenMail mailbox of {@code address} (any password opens it). */
    private static List<String> subjectsOfMailTo(String address) throws MessagingException {
        ServiceEndpoints.Mail mail = TestServices.endpoints().mail();
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(mail.imapHost(), mail.imapPort(), address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }
}
