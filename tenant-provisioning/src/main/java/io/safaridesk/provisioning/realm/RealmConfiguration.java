package io.safaridesk.provisioning.realm;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans of the Keycloak side of provisioning, from {@code safaridesk.keycloak.*} and the mail settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    KeycloakAdminProperties.class,
    KeycloakClientSettings.class,
    RealmTemplateProperties.class
})
class RealmConfiguration {

    /** The configured Keycloak: cell {@code default}, and the only one of an install without cells registered. */
    @Bean
    KeycloakEndpoint defaultKeycloak(KeycloakAdminProperties properties) {
        return new KeycloakEndpoint(properties.url(), properties.adminUser(), properties.adminPassword());
    }

    @Bean(destroyMethod = "close")
    KeycloakClients keycloakClients(RealmTemplate template, KeycloakClientSettings settings) {
        return new KeycloakClients(template, settings);
    }

    @Bean
    RealmTemplate realmTemplate(
            RealmTemplateProperties settings,
            @Value("${spring.mail.host}") String smtpHost,
            @Value("${spring.mail.port}") int smtpPort,
            @Value("${safaridesk.mail.from:no-reply@safaridesk.local}") String from) {
        return new RealmTemplate(new RealmMail(smtpHost, smtpPort, from), settings);
    }

    @Bean
    RealmProvisioner realmProvisioner(KeycloakClients clients, KeycloakEndpoint defaultKeycloak) {
        return clients.provisioner(defaultKeycloak);
    }

    @Bean
    KeycloakLogin keycloakLogin(KeycloakClients clients, KeycloakEndpoint defaultKeycloak) {
        return clients.login(defaultKeycloak);
    }
}
