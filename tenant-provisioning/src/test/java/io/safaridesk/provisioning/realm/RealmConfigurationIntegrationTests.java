package io.safaridesk.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.TestServicesInitializer;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The realm beans wired from the service's configuration, without the rest of the application. */
@SpringJUnitConfig(
        classes = RealmConfiguration.class,
        initializers = {TestServicesInitializer.class, ConfigDataApplicationContextInitializer.class})
class RealmConfigurationIntegrationTests {

    @Autowired
    RealmProvisioner provisioner;

    @Autowired
    KeycloakLogin login;

    @Autowired
    RealmTemplate template;

    @Autowired
    KeycloakAdminProperties properties;

    @Test
    void reachesKeycloakWithTheConfiguredAdministrator() {
        String realm = TestKeycloak.uniqueRealm();

        assertThat(properties.url()).isEqualTo(TestKeycloak.properties().url());
        assertThat(provisioner.realmExists(realm)).isFalse();
        assertThat(login.login(realm, "someone@example.com", "whatever-password", null))
                .isInstanceOf(LoginResult.RealmNotFound.class);
    }

    @Test
    void fillsTheTemplateFromTheMailSettingsAndKeepsItsSpaDefaults() {
        RealmRepresentation realm = template.forRealm(new RealmSpec("acme", "Acme"));

        assertThat(realm.getSmtpServer())
                .containsEntry("host", TestKeycloak.mail().host())
                .containsEntry("port", Integer.toString(TestKeycloak.mail().port()))
                .containsEntry("from", "no-reply@safaridesk.local");
        ClientRepresentation spa = RealmTemplate.client(realm, RealmTemplate.SPA_CLIENT);
        assertThat(spa.getRedirectUris()).containsExactly("http://localhost:*", "http://127.0.0.1:*");
        assertThat(spa.getWebOrigins()).containsExactly("+");
    }
}
