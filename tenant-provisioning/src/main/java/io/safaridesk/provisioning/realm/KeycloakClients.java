package io.safaridesk.provisioning.realm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The realm provisioner and login client of each Keycloak (realm cell), made once per endpoint and reused: each holds
 * one admin client with its own token and its own bounded connection pool, shared by every thread (the runner's, the
 * CLI's, the web server's), so that a slow cell uses up its own pool and no other.
 */
public class KeycloakClients implements AutoCloseable {

    private final RealmTemplate template;
    private final KeycloakClientSettings settings;
    private final Map<KeycloakEndpoint, Clients> byEndpoint = new ConcurrentHashMap<>();

    KeycloakClients(RealmTemplate template, KeycloakClientSettings settings) {
        this.template = template;
        this.settings = settings;
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
            KeycloakAdmin admin = new KeycloakAdmin(e.properties(), settings);
            return new Clients(admin, new RealmProvisioner(admin, template), new KeycloakLogin(admin));
        });
    }

    @Override
    public void close() {
        byEndpoint.values().forEach(clients -> clients.admin().close());
        byEndpoint.clear();
    }
}
