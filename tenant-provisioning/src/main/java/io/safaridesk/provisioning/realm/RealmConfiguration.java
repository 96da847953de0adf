package io.safaridesk.provisioning.realm;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans of the Keycloak side of provisioning, from {@code safaridesk.keycloak.*} and the mail settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeycloakAdminProperties.class, RealmTemplateProperties.class})
class RealmConfiguration {

    @Bean(destroyMethod = "close")
    KeycloakAdmin keycloakAdmin(KeycloakAdminProperties properties) {
        return new KeycloakAdmin(properties);
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
    RealmProvisioner realmProvisioner(KeycloakAdmin admin, RealmTemplate template) {
        return new RealmProvisioner(admin, template);
    }

    @Bean
    KeycloakLogin keycloakLogin(KeycloakAdmin admin) {
        return new KeycloakLogin(admin);
    }
}
