package io.safaridesk.helpdesk.contact;

import io.safaridesk.helpdesk.identity.WorkspaceRealms;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The gateway to Keycloak's admin API for customer portal accounts: users of the workspace's realm with role
 * {@code customer}, who verify their email and set a password through Keycloak's own invitation mail (no OTP).
 */
@Component
class PortalAccounts {

    static final String CUSTOMER_ROLE = "customer";
    static final List<String> INVITATION_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

    private final WorkspaceRealms realms;

    PortalAccounts(WorkspaceRealms realms) {
        this.realms = realms;
    }

    /** Creates the customer's user, gives it the customer role, sends the invitation mail; returns the user id. */
    String invite(TenantSlug tenant, String email, String name) {
        try {
            RealmResource realm = realms.realm(tenant);
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setFirstName(name);
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setRequiredActions(INVITATION_ACTIONS);
            String id;
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() == 409) {
                    throw PortalAccountExists.forEmail(email);
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            realm.users()
                    .get(id)
                    .roles()
                    .realmLevel()
                    .add(List.of(realm.roles().get(CUSTOMER_ROLE).toRepresentation()));
            realm.users().get(id).executeActionsEmail(INVITATION_ACTIONS);
            return id;
        } catch (ProcessingException e) {
            throw IdentityServiceUnavailable.because(e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 502 || status == 503 || status == 504) {
                throw IdentityServiceUnavailable.because(e);
            }
            throw e;
        }
    }

    /** The realm has a user with this email address or username already. */
    static final class PortalAccountExists extends ApiProblem {
        private PortalAccountExists(String email) {
            super(
                    HttpStatus.CONFLICT,
                    "portal-account-exists",
                    "A user with email " + email + " exists in this workspace",
                    List.of(new FieldProblem("email", "belongs to an existing user of the workspace")));
        }

        static PortalAccountExists forEmail(String email) {
            return new PortalAccountExists(email);
        }
    }

    /** Keycloak could not be reached; the invitation can be retried later. */
    static final class IdentityServiceUnavailable extends ApiProblem {
        private IdentityServiceUnavailable(Throwable cause) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "identity-service-unavailable",
                    "The identity service is unavailable; try again later");
            initCause(cause);
        }

        static IdentityServiceUnavailable because(Throwable cause) {
            return new IdentityServiceUnavailable(cause);
        }
    }
}
