package io.safaridesk.helpdesk.identity;

import jakarta.ws.rs.client.Client;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Keycloak admin client of helpdesk-api: it manages the users of the workspace realms (agents, portal
 * customers) as a master-realm administrator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakSettings.class)
class KeycloakAdminConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(KeycloakSettings settings) {
        Client http = ClientBuilderWrapper.create(null, false)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .register(JacksonProvider.class, 100)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(settings.url().toString())
                .realm("master")
                .clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(settings.adminUser())
                .password(settings.adminPassword())
                .resteasyClient(http)
                .build();
    }
}
