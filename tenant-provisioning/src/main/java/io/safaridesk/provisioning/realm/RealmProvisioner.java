package io.safaridesk.provisioning.realm;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, suspends, resumes and removes the Keycloak realm of a workspace and its first admin. Every call is
 * idempotent, so that a provisioning saga can repeat a step after a crash or a timeout.
 *
 * <p>Throws {@link KeycloakUnavailable} when Keycloak cannot be reached (wait and retry), {@link KeycloakRefused} when
 * it refuses.
 */
public class RealmProvisioner {

    static final String ADMIN_ROLE = "admin";
    private static final Logger log = LoggerFactory.getLogger(RealmProvisioner.class);
    private static final Duration RECHECK_EVERY = Duration.ofSeconds(1);

    private final KeycloakAdmin admin;
    private final RealmTemplate template;

    RealmProvisioner(KeycloakAdmin admin, RealmTemplate template) {
        this.admin = admin;
        this.template = template;
    }

    /**
     * Creates the realm of {@code spec} from the realm template unless a realm of that name exists; an existing realm
     * is left as it is. When Keycloak does not answer the creation in time, it may still have made the realm: asked
     * once more, a realm found then counts as made.
     */
    public Ensured ensureRealm(RealmSpec spec) {
        if (realmExists(spec.name())) {
            return Ensured.ALREADY_PRESENT;
        }
        RealmRepresentation realm = template.forRealm(spec);
        Ensured result;
        try {
            result = admin.call("create realm " + spec.name(), keycloak -> {
                try {
                    keycloak.realms().create(realm);
                    return Ensured.CREATED;
                } catch (ClientErrorException e) {
                    if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                        return Ensured.ALREADY_PRESENT; // created concurrently, or by an attempt that timed out
                    }
                    throw e;
                }
            });
        } catch (KeycloakUnavailable unanswered) {
            if (!madeAfterAll(spec.name())) {
                throw unanswered;
            }
            log.info("Realm {} was made although Keycloak answered too late", spec.name());
            result = Ensured.CREATED;
        }
        if (result == Ensured.CREATED) {
            log.info("Created realm {} ({})", spec.name(), spec.displayName());
        }
        return result;
    }

    /**
     * Whether Keycloak made the realm after all: asked again each second for up to one read timeout, as long as it
     * answers (it may still be committing the realm); a Keycloak that does not answer at all is not waited for.
     */
    private boolean madeAfterAll(String realm) {
        Instant until = Instant.now().plus(admin.settings().readTimeout());
        try {
            while (!realmExists(realm)) {
                if (!Instant.now().isBefore(until)) {
                    return false;
                }
                Thread.sleep(RECHECK_EVERY);
            }
            return true;
        } catch (KeycloakUnavailable stillDown) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Creates the first admin of realm {@code realm} unless a user with that username (the email address) exists, and
     * makes sure that user has role {@code admin}. An existing user is otherwise left alone. The password is imported
     * as a hash; without an OTP secret the user must set up OTP at the first browser login.
     *
     * @throws RealmMissing when the realm does not exist (yet)
     */
    public Ensured ensureAdmin(String realm, AdminSpec spec) {
        if (!realmExists(realm)) {
            throw RealmMissing.named(realm);
        }
        String action = "ensure admin " + spec.email() + " in realm " + realm;
        return admin.call(action, keycloak -> {
            RealmResource resource = keycloak.realm(realm);
            Ensured result = Ensured.ALREADY_PRESENT;
            Optional<UserRepresentation> existing = findByUsername(resource, spec.email());
            String userId;
            if (existing.isPresent()) {
                userId = existing.get().getId();
            } else {
                try (Response response = resource.users().create(newAdmin(spec))) {
                    if (response.getStatus() == Response.Status.CREATED.getStatusCode()) {
                        userId = CreatedResponseUtil.getCreatedId(response);
                        result = Ensured.CREATED;
                    } else if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                        // created concurrently; or another user holds the address, which the lookup cannot find
                        userId = findByUsername(resource, spec.email())
                                .map(UserRepresentation::getId)
                                .orElseThrow(() -> admin.failure(action, response));
                    } else {
                        throw admin.failure(action, response);
                    }
                }
            }
            RoleRepresentation adminRole = resource.roles().get(ADMIN_ROLE).toRepresentation();
            resource.users().get(userId).roles().realmLevel().add(List.of(adminRole));
            if (result == Ensured.CREATED) {
                log.info("Created admin {} in realm {}", spec.email(), realm);
            }
            return result;
        });
    }

    /** Disables realm {@code realm} (workspace suspended): nobody can log in, and its sessions end. */
    public void disableRealm(String realm) {
        setEnabled(realm, false);
        admin.run(
                "log out all sessions of realm " + realm,
                keycloak -> keycloak.realm(realm).logoutAll());
    }

    /** Enables realm {@code realm} again (workspace resumed). */
    public void enableRealm(String realm) {
        setEnabled(realm, true);
    }

    /** Deletes realm {@code realm} with its users; a realm that does not exist is fine. */
    public void deleteRealm(String realm) {
        RealmNames.require(realm);
        admin.run("delete realm " + realm, keycloak -> {
            try {
                keycloak.realm(realm).remove();
                log.info("Deleted realm {}", realm);
            } catch (NotFoundException alreadyGone) {
                // idempotent
            }
        });
    }

    /** Whether realm {@code realm} exists. */
    public boolean realmExists(String realm) {
        RealmNames.require(realm);
        return admin.call("read realm " + realm, keycloak -> {
            try {
                keycloak.realm(realm).toRepresentation();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    private void setEnabled(String realm, boolean enabled) {
        RealmNames.require(realm);
        RealmRepresentation change = new RealmRepresentation();
        change.setEnabled(enabled);
        admin.run(
                (enabled ? "enable" : "disable") + " realm " + realm,
                keycloak -> keycloak.realm(realm).update(change));
    }

    private static Optional<UserRepresentation> findByUsername(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream().findFirst();
    }

    private static UserRepresentation newAdmin(AdminSpec spec) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(spec.email());
        user.setEmail(spec.email());
        user.setEmailVerified(true);
        user.setFirstName(spec.firstName());
        user.setLastName(spec.lastName());
        user.setEnabled(true);
        List<CredentialRepresentation> credentials = new ArrayList<>();
        credentials.add(Credentials.password(spec.passwordHash()));
        if (spec.otpSecret() != null) {
            credentials.add(Credentials.totp(spec.otpSecret()));
        } else {
            user.setRequiredActions(List.of("CONFIGURE_TOTP"));
        }
        user.setCredentials(credentials);
        return user;
    }
}
