package io.safaridesk.provisioning.realm;

import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a realm from one Keycloak into another: its settings, roles, groups, clients (with their secrets), and users
 * with their ids, role and group memberships, and credentials. The admin API never returns credential secrets, so the
 * caller supplies them (read from the source Keycloak's database); signing keys are not copied (the target makes new
 * ones, so tokens of the source realm do not validate against the copy).
 */
public final class RealmCopier {

    private static final Logger log = LoggerFactory.getLogger(RealmCopier.class);
    private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
    private static final String MASKED = "**********";
    private static final int PAGE = 100;

    private final KeycloakAdmin admin;

    RealmCopier(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /** A realm read out of a Keycloak, ready to be imported into another. */
    public record RealmExport(RealmRepresentation realm, int users, int credentials) {}

    /**
     * Reads realm {@code realm} with its users; {@code credentialsByUserId} holds each user's credentials with their
     * secret data.
     */
    public RealmExport export(String realm, Map<String, List<CredentialRepresentation>> credentialsByUserId) {
        RealmNames.require(realm);
        return admin.call("export realm " + realm, keycloak -> {
            RealmResource source = keycloak.realm(realm);
            RealmRepresentation export = source.partialExport(true, true);
            if (export.getComponents() != null) {
                export.getComponents().remove(KEY_PROVIDER);
            }
            for (ClientRepresentation client : export.getClients()) {
                if (MASKED.equals(client.getSecret())) {
                    client.setSecret(
                            source.clients().get(client.getId()).getSecret().getValue());
                }
            }
            List<UserRepresentation> users = new ArrayList<>();
            int credentials = 0;
            for (int first = 0; ; first += PAGE) {
                List<UserRepresentation> page = source.users().list(first, PAGE);
                for (UserRepresentation user : page) {
                    var resource = source.users().get(user.getId());
                    user.setRealmRoles(resource.roles().realmLevel().listAll().stream()
                            .map(RoleRepresentation::getName)
                            .toList());
                    user.setGroups(resource.groups().stream()
                            .map(GroupRepresentation::getPath)
                            .toList());
                    List<CredentialRepresentation> secrets = credentialsByUserId.getOrDefault(user.getId(), List.of());
                    user.setCredentials(secrets);
                    credentials += secrets.size();
                    users.add(user);
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            export.setUsers(users);
            return new RealmExport(export, users.size(), credentials);
        });
    }

    /** Imports {@code export} into this Keycloak, replacing a realm of that name left by an earlier attempt. */
    public void importRealm(RealmExport export) {
        String realm = RealmNames.require(export.realm().getRealm());
        admin.run("import realm " + realm, keycloak -> {
            try {
                keycloak.realm(realm).remove();
                log.info("Removed realm {} left by an earlier attempt", realm);
            } catch (NotFoundException absent) {
                // the usual case
            }
            keycloak.realms().create(export.realm());
        });
        log.info("Imported realm {} with {} user(s) and {} credential(s)", realm, export.users(), export.credentials());
    }
}
