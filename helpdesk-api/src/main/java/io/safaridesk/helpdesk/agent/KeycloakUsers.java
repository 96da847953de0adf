package io.safaridesk.helpdesk.agent;

import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.helpdesk.identity.WorkspaceRealms;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/**
 * The users of a workspace realm, through Keycloak's admin API. Failures come back as problems: unreachable as 503, a
 * conflict on create as 409 on field {@code email}, any other refusal as 502.
 */
@Component
class KeycloakUsers {

    static final List<String> INVITATION_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD", "CONFIGURE_TOTP");
    static final Duration INVITATION_LIFESPAN = Duration.ofDays(7);

    private static final int PAGE = 100;

    private final WorkspaceRealms realms;

    KeycloakUsers(WorkspaceRealms realms) {
        this.realms = realms;
    }

    /** Creates an enabled user (username = email) who must verify the email, set a password and configure OTP. */
    String create(TenantSlug workspace, String name, String email, AgentRole role) {
        return call("create user", () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            setNames(user, name);
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setRequiredActions(INVITATION_ACTIONS);
            String id;
            try (Response response = realm(workspace).users().create(user)) {
                if (response.getStatus() == 409) {
                    throw Agents.AgentEmailTaken.forEmail(email);
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            realm(workspace).users().get(id).roles().realmLevel().add(List.of(role(workspace, role)));
            return id;
        });
    }

    /** Removes a user made by {@link #create} whose profile could not be saved. */
    void delete(TenantSlug workspace, String userId) {
        run("delete user", () -> {
            try (Response ignored = realm(workspace).users().delete(userId)) {
                // a user already gone is what we want
            }
        });
    }

    /** Sends Keycloak's mail asking the user to do their required actions (the invitation). */
    void sendInvitation(TenantSlug workspace, String userId) {
        run(
                "send invitation",
                () -> user(workspace, userId)
                        .executeActionsEmail(null, null, (int) INVITATION_LIFESPAN.toSeconds(), INVITATION_ACTIONS));
    }

    void rename(TenantSlug workspace, String userId, String name) {
        run("update user", () -> {
            UserResource user = user(workspace, userId);
            UserRepresentation representation = user.toRepresentation();
            setNames(representation, name);
            user.update(representation);
        });
    }

    /** Makes {@code role} the user's only staff role; it shows in the user's next token. */
    void changeRole(TenantSlug workspace, String userId, AgentRole role) {
        run("change role", () -> {
            var roles = user(workspace, userId).roles().realmLevel();
            List<RoleRepresentation> others = Arrays.stream(AgentRole.values())
                    .filter(r -> r != role)
                    .map(r -> role(workspace, r))
                    .toList();
            roles.remove(others);
            roles.add(List.of(role(workspace, role)));
        });
    }

    /** Disables the user and ends their sessions: no login, no refresh. */
    void disable(TenantSlug workspace, String userId) {
        run("disable user", () -> {
            setEnabled(workspace, userId, false);
            user(workspace, userId).logout();
        });
    }

    void enable(TenantSlug workspace, String userId) {
        run("enable user", () -> setEnabled(workspace, userId, true));
    }

    /** How many enabled users other than {@code exceptUserId} hold the admin role. */
    long otherEnabledAdmins(TenantSlug workspace, String exceptUserId) {
        return call(
                "count admins",
                () -> realm(workspace).roles().get(AgentRole.ADMIN.value()).getUserMembers(0, 1000).stream()
                        .filter(user -> Boolean.TRUE.equals(user.isEnabled()))
                        .filter(user -> !user.getId().equals(exceptUserId))
                        .count());
    }

    /** A user holding realm role admin or agent (admin wins when both). */
    record StaffUser(String id, String name, String email, AgentRole role, boolean enabled) {}

    /** Every user of the realm holding a staff role, read page by page. */
    List<StaffUser> staff(TenantSlug workspace) {
        return call("list staff", () -> {
            Map<String, StaffUser> byId = new LinkedHashMap<>();
            for (AgentRole role : List.of(AgentRole.ADMIN, AgentRole.AGENT)) {
                RoleResource members = realm(workspace).roles().get(role.value());
                for (int first = 0; ; first += PAGE) {
                    List<UserRepresentation> page = members.getUserMembers(first, PAGE);
                    for (UserRepresentation user : page) {
                        byId.putIfAbsent(user.getId(), staffUser(user, role));
                    }
                    if (page.size() < PAGE) {
                        break;
                    }
                }
            }
            return List.copyOf(byId.values());
        });
    }

    /** Whether the user still exists in the realm. */
    boolean exists(TenantSlug workspace, String userId) {
        return call("find user", () -> {
            try {
                user(workspace, userId).toRepresentation();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    private static StaffUser staffUser(UserRepresentation user, AgentRole role) {
        String name = Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank())
                .map(String::trim)
                .collect(Collectors.joining(" "));
        String email = user.getEmail() != null ? user.getEmail() : user.getUsername();
        return new StaffUser(user.getId(), name, email, role, Boolean.TRUE.equals(user.isEnabled()));
    }

    private void setEnabled(TenantSlug workspace, String userId, boolean enabled) {
        UserResource user = user(workspace, userId);
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(enabled);
        user.update(representation);
    }

    private static void setNames(UserRepresentation user, String name) {
        String trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        user.setFirstName(space < 0 ? trimmed : trimmed.substring(0, space));
        user.setLastName(space < 0 ? "" : trimmed.substring(space + 1).trim());
    }

    private RealmResource realm(TenantSlug workspace) {
        return realms.realm(workspace);
    }

    private UserResource user(TenantSlug workspace, String userId) {
        return realm(workspace).users().get(userId);
    }

    private RoleRepresentation role(TenantSlug workspace, AgentRole role) {
        return realm(workspace).roles().get(role.value()).toRepresentation();
    }

    private void run(String action, Runnable work) {
        call(action, () -> {
            work.run();
            return null;
        });
    }

    private <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw translate(action, e);
        }
    }

    private static RuntimeException translate(String action, RuntimeException e) {
        WebApplicationException web = cause(e, WebApplicationException.class);
        if (web != null) {
            int status = web.getResponse().getStatus();
            if (status == 502 || status == 503 || status == 504) {
                return IdentityProviderProblem.unavailable(action, e);
            }
            return IdentityProviderProblem.refused(action, status, e);
        }
        // no HTTP answer at all: refused or reset connection, timeout, unknown host
        return IdentityProviderProblem.unavailable(action, e);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
