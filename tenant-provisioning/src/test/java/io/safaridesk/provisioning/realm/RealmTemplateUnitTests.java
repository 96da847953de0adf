package io.safaridesk.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

class RealmTemplateUnitTests {

    private final RealmMail mail = new RealmMail("smtp.example.test", 2525, "no-reply@safaridesk.local");
    private final RealmTemplate template = new RealmTemplate(mail, RealmTemplateProperties.templateDefaults());

    @Test
    void fillsInNameDisplayNameAndSmtpServer() {
        RealmRepresentation realm = template.forRealm(new RealmSpec("acme", "  Acme Safaris Ltd "));

        assertThat(realm.getRealm()).isEqualTo("acme");
        assertThat(realm.getDisplayName()).isEqualTo("Acme Safaris Ltd");
        assertThat(realm.isEnabled()).isTrue();
        assertThat(realm.getSmtpServer())
                .containsEntry("host", "smtp.example.test")
                .containsEntry("port", "2525")
                .containsEntry("from", "no-reply@safaridesk.local")
                .containsEntry("fromDisplayName", "Acme Safaris Ltd");
    }

    @Test
    void hasTheThreeRolesAndTheTwoClients() {
        RealmRepresentation realm = template.forRealm(new RealmSpec("acme", "Acme"));

        assertThat(realm.getRoles().getRealm())
                .extracting(RoleRepresentation::getName)
                .containsExactlyInAnyOrder("admin", "agent", "customer");
        ClientRepresentation spa = RealmTemplate.client(realm, "safaridesk-spa");
        assertThat(spa.isPublicClient()).isTrue();
        assertThat(spa.isStandardFlowEnabled()).isTrue();
        assertThat(spa.isImplicitFlowEnabled()).isFalse();
        assertThat(spa.isDirectAccessGrantsEnabled()).isTrue();
        assertThat(spa.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(spa.getRedirectUris()).containsExactly("http://localhost:*", "http://127.0.0.1:*");
        assertThat(spa.getWebOrigins()).containsExactly("+");
        ClientRepresentation service = RealmTemplate.client(realm, "safaridesk-service");
        assertThat(service.isPublicClient()).isFalse();
        assertThat(service.isServiceAccountsEnabled()).isTrue();
        assertThat(service.isStandardFlowEnabled()).isFalse();
        assertThat(service.isDirectAccessGrantsEnabled()).isFalse();
    }

    @Test
    void setsThePoliciesOfAWorkspace() {
        RealmRepresentation realm = template.forRealm(new RealmSpec("acme", "Acme"));

        assertThat(realm.getPasswordPolicy())
                .contains("length(10)", "notUsername", "hashAlgorithm(pbkdf2-sha512)", "hashIterations(210000)");
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getOtpPolicyType()).isEqualTo("totp");
        assertThat(realm.getOtpPolicyAlgorithm()).isEqualTo("HmacSHA1");
        assertThat(realm.getOtpPolicyDigits()).isEqualTo(6);
        assertThat(realm.getOtpPolicyPeriod()).isEqualTo(30);
        assertThat(realm.isVerifyEmail()).isTrue();
        assertThat(realm.isRegistrationAllowed()).isFalse();
        assertThat(realm.isResetPasswordAllowed()).isTrue();
        assertThat(realm.getAccessTokenLifespan()).isEqualTo(300);
    }

    @Test
    void asksAdminsAndAgentsForOtpInTheBrowserAndTheDirectGrant() {
        RealmRepresentation realm = template.forRealm(new RealmSpec("acme", "Acme"));

        assertThat(realm.getBrowserFlow()).isEqualTo("safaridesk browser");
        assertThat(realm.getDirectGrantFlow()).isEqualTo("safaridesk direct grant");
        assertThat(roleConditions(realm, "safaridesk browser")).containsExactlyInAnyOrder("admin", "agent");
        assertThat(authenticators(realm, "safaridesk browser"))
                .contains("auth-username-password-form", "auth-otp-form");
        assertThat(roleConditions(realm, "safaridesk direct grant")).containsExactlyInAnyOrder("admin", "agent");
        assertThat(authenticators(realm, "safaridesk direct grant"))
                .contains("direct-grant-validate-password", "direct-grant-validate-otp", "deny-access-authenticator");
    }

    @Test
    void deniesAStaffDirectGrantWithoutOtpWithTheErrorKeycloakLoginKnows() {
        RealmRepresentation realm = template.forRealm(new RealmSpec("acme", "Acme"));

        assertThat(realm.getAuthenticatorConfig())
                .filteredOn(config -> config.getConfig().containsKey("denyErrorMessage"))
                .isNotEmpty()
                .allSatisfy(config ->
                        assertThat(config.getConfig()).containsEntry("denyErrorMessage", KeycloakLogin.OTP_NOT_SET_UP));
    }

    @Test
    void usesTheConfiguredSpaUrlsInsteadOfTheDefaults() {
        RealmTemplate configured = new RealmTemplate(
                mail,
                new RealmTemplateProperties(
                        List.of("https://app.safaridesk.io/*"), List.of("https://app.safaridesk.io")));

        ClientRepresentation spa =
                RealmTemplate.client(configured.forRealm(new RealmSpec("acme", "Acme")), "safaridesk-spa");

        assertThat(spa.getRedirectUris()).containsExactly("https://app.safaridesk.io/*");
        assertThat(spa.getWebOrigins()).containsExactly("https://app.safaridesk.io");
    }

    @Test
    void refusesRealmNamesThatAreNotWorkspaceSlugs() {
        for (String name : List.of("Acme", "a", "-acme", "acme-", "../master", "master", "acme_co")) {
            assertThatIllegalArgumentException().isThrownBy(() -> new RealmSpec(name, "Acme"));
        }
    }

    /** The roles that the {@code conditional-user-role} conditions in {@code flow} and its sub-flows ask for. */
    private static List<String> roleConditions(RealmRepresentation realm, String flow) {
        Map<String, Map<String, String>> configs = realm.getAuthenticatorConfig().stream()
                .collect(Collectors.toMap(
                        AuthenticatorConfigRepresentation::getAlias, AuthenticatorConfigRepresentation::getConfig));
        return executionsBelow(realm, flow).stream()
                .filter(execution -> "conditional-user-role".equals(execution.getAuthenticator()))
                .map(execution -> configs.get(execution.getAuthenticatorConfig()))
                .filter(config -> "false".equals(config.get("negate")))
                .map(config -> config.get("condUserRole"))
                .toList();
    }

    private static List<String> authenticators(RealmRepresentation realm, String flow) {
        return executionsBelow(realm, flow).stream()
                .map(AuthenticationExecutionExportRepresentation::getAuthenticator)
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<AuthenticationExecutionExportRepresentation> executionsBelow(
            RealmRepresentation realm, String alias) {
        List<AuthenticationExecutionExportRepresentation> result = new ArrayList<>();
        for (AuthenticationExecutionExportRepresentation execution :
                flow(realm, alias).getAuthenticationExecutions()) {
            result.add(execution);
            if (execution.getFlowAlias() != null) {
                result.addAll(executionsBelow(realm, execution.getFlowAlias()));
            }
        }
        return result;
    }

    private static AuthenticationFlowRepresentation flow(RealmRepresentation realm, String alias) {
        return realm.getAuthenticationFlows().stream()
                .filter(flow -> alias.equals(flow.getAlias()))
                .findFirst()
                .orElseThrow();
    }
}
