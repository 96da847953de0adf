package io.safaridesk.provisioning.realm;

import java.net.URI;
import java.util.Objects;

/**
 * How the services reach one Keycloak (one realm cell): its URL and a master-realm administrator.
 *
 * @param url the URL the services use (the cell's internal URL)
 * @param adminUser a master-realm administrator
 * @param adminPassword that administrator's password
 */
public record KeycloakEndpoint(URI url, String adminUser, String adminPassword) {

    public KeycloakEndpoint {
        Objects.requireNonNull(url, "url");
        if (url.getHost() == null || url.getScheme() == null || !url.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("A Keycloak URL must be an http(s) URL, was: " + url);
        }
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(adminPassword, "adminPassword");
    }

    KeycloakAdminProperties properties() {
        return new KeycloakAdminProperties(url, adminUser, adminPassword);
    }

    @Override
    public String toString() {
        return "KeycloakEndpoint[url=" + url + ", adminUser=" + adminUser + "]";
    }
}
