package io.safaridesk.helpdesk.identity;

import java.net.URI;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak runs and a master-realm administrator's credentials ({@code safaridesk.keycloak.*}).
 *
 * @param url base URL of Keycloak
 * @param adminUser a master-realm administrator
 * @param adminPassword that administrator's password
 */
@ConfigurationProperties("safaridesk.keycloak")
record KeycloakSettings(URI url, String adminUser, String adminPassword) {

    KeycloakSettings {
        Objects.requireNonNull(url, "safaridesk.keycloak.url");
        Objects.requireNonNull(adminUser, "safaridesk.keycloak.admin-user");
        Objects.requireNonNull(adminPassword, "safaridesk.keycloak.admin-password");
    }

    @Override
    public String toString() {
        return "KeycloakSettings[url=" + url + ", adminUser=" + adminUser + "]";
    }
}
