package io.safaridesk.provisioning.realm;

import java.net.URI;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak runs and a master-realm administrator's credentials ({@code safaridesk.keycloak.*}).
 *
 * @param url base URL of Keycloak, e.g. {@code http://127.0.0.1:8180}
 * @param adminUser a master-realm administrator
 * @param adminPassword that administrator's password
 */
@ConfigurationProperties("safaridesk.keycloak")
record KeycloakAdminProperties(URI url, String adminUser, String adminPassword) {

    KeycloakAdminProperties {
        Objects.requireNonNull(url, "safaridesk.keycloak.url");
        if (url.getHost() == null || !url.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("safaridesk.keycloak.url must be an http(s) URL, was: " + url);
        }
        Objects.requireNonNull(adminUser, "safaridesk.keycloak.admin-user");
        Objects.requireNonNull(adminPassword, "safaridesk.keycloak.admin-password");
    }

    /** {@code url} with {@code path} appended (a trailing slash of {@code url} is tolerated). */
    URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return "KeycloakAdminProperties[url=" + url + ", adminUser=" + adminUser + "]";
    }
}
