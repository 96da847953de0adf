package io.safaridesk.helpdesk.identity;

import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.client.Client;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The realm of a workspace, administered (agents, portal customers) as a master-realm administrator of the Keycloak
 * that holds it: its realm cell's, as the registry says now, else the configured default Keycloak. One admin client
 * per Keycloak, made on first use and reused.
 */
@Component
public class WorkspaceRealms {

    private static final String SAME_AS_DEFAULT = "default";

    private final TenantDirectory directory;
    private final KeycloakSettings settings;
    private final Environment environment;
    private final Map<Admin, Keycloak> clients = new ConcurrentHashMap<>();

    WorkspaceRealms(TenantDirectory directory, KeycloakSettings settings, Environment environment) {
        this.directory = directory;
        this.settings = settings;
        this.environment = environment;
    }

    private record Admin(URI url, String user, String password) {}

    public RealmResource realm(TenantSlug workspace) {
        Admin admin = directory
                .cellOf(workspace)
                .map(cell -> admin(cell.adminUrl(), cell.adminCredentials()))
                .orElseGet(() -> new Admin(settings.url(), settings.adminUser(), settings.adminPassword()));
        return clients.computeIfAbsent(admin, WorkspaceRealms::client).realm(workspace.realmName());
    }

    /** The administrator a cell's credentials reference names: {@code default}, or {@code env:<PREFIX>}. */
    private Admin admin(URI url, String credentials) {
        if (SAME_AS_DEFAULT.equals(credentials)) {
            return new Admin(url, settings.adminUser(), settings.adminPassword());
        }
        String prefix = credentials.substring("env:".length());
        return new Admin(url, required(prefix + "_USER"), required(prefix + "_PASSWORD"));
    }

    private String required(String variable) {
        String value = environment.getProperty(variable);
        if (value == null) {
            throw new IllegalStateException("Variable " + variable + " (a realm cell's admin credentials) is not set");
        }
        return value;
    }

    private static Keycloak client(Admin admin) {
        Client http = ClientBuilderWrapper.create(null, false)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .register(JacksonProvider.class, 100)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(admin.url().toString())
                .realm("master")
                .clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(admin.user())
                .password(admin.password())
                .resteasyClient(http)
                .build();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(Keycloak::close);
        clients.clear();
    }
}
