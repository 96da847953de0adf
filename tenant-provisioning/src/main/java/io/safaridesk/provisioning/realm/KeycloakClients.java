package io.safaridesk.provisioning.realm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The realm provisioner and login client of each Keycloak (realm cell), made once per endpoint and reused: each holds
 * an admin client with its own token and connection pool.
 */
public class KeycloakClients implements AutoCloseable {

    private final RealmTemplate template;
    private final Map<KeycloakEndpoint, Clients> byEndpoint = new ConcurrentHashMap<>();

    KeycloakClients(RealmTemplate template) {
        this.template = template;
    }

    private record Clients(KeycloakAdmin admin, RealmProvisioner provisioner, KeycloakLogin login) {}

    /** Creates, suspends and removes realms in the Keycloak at {@code endpoint}. */
    public RealmProvisioner provisioner(KeycloakEndpoint endpoint) {
        return clients(endpoint).provisioner();
    }

    /** Logs users in to realms of the Keycloak at {@code endpoint}. */
    public KeycloakLogin login(KeycloakEndpoint endpoint) {
        return clients(endpoint).login();
    }

    /** Copies realms out of, and into, the Keycloak at {@code endpoint}. */
    public RealmCopier copier(KeycloakEndpoint endpoint) {
        return new RealmCopier(clients(endpoint).admin());
    }

    private Clients clients(KeycloakEndpoint endpoint) {
        return byEndpoint.computeIfAbsent(endpoint, e -> {
            KeycloakAdmin admin = new KeycloakAdmin(e.properties());
            return new Clients(admin, new RealmProvisioner(admin, template), new KeycloakLogin(admin));
        });
    }

    @Override
    public void close() {
        byEndpoint.values().forEach(clients -> clients.admin().close());
        byEndpoint.clear();
    }
}
