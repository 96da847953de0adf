package io.safaridesk.provisioning.login;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.ratelimit.RateLimiter;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.realm.KeycloakUnavailable;
import io.safaridesk.provisioning.realm.LoginResult;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Password + OTP login for clients that cannot run the browser SSO flow, through the workspace's own realm; and the
 * password-reset mail. Both are rate-limited per account and per client address (docs/operations/security.md). Every
 * login to an existing workspace, logged in, refused or stopped by a limit, goes to its audit log ({@link LoginAudit}).
 */
@Component
public class WorkspaceLogin {

    private static final String INVALID = "Wrong workspace, email, password or authenticator code (admins and agents"
            + " need the code; an account not set up yet, or disabled, cannot log in here)";
    private static final Logger log = LoggerFactory.getLogger(WorkspaceLogin.class);

    private final TenantRegistry tenants;
    private final RealmCells cells;
    private final RateLimiter limits;
    private final LoginAudit audit;

    WorkspaceLogin(TenantRegistry tenants, RealmCells cells, RateLimiter limits, LoginAudit audit) {
        this.tenants = tenants;
        this.cells = cells;
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * Tokens, or one and the same refusal whatever went wrong (wrong password, missing or wrong code, unknown or
     * suspended workspace, disabled or unfinished account): a refusal that differed would tell a caller without the
     * second factor that the password was right, or that an account or a workspace exists. The reason is logged.
     */
    public LoginResult.Tokens login(String workspace, String email, String password, String otp, String client) {
        String account = workspace + " " + email;
        take("login-address", client, workspace, email, client);
        take("login-account", account, workspace, email, client);
        Tenant tenant = served(workspace).orElseThrow(LoginRefused::new);
        LoginResult result;
        try {
            result = cells.login(tenant.cell()).login(tenant.slug().realmName(), email, password, blankToNull(otp));
        } catch (KeycloakUnavailable down) {
            // an outage is no failed login: it must not bring anyone closer to a limit
            limits.giveBack("login-account", account);
            limits.giveBack("login-address", client);
            throw LoginUnavailable.because(down);
        }
        if (result instanceof LoginResult.Tokens tokens) {
            // only failures count: a user who logs in often is never limited
            limits.giveBack("login-account", account);
            limits.giveBack("login-address", client);
            audit.succeeded(tenant, email, tokens, client);
            return tokens;
        }
        log.info("login to {} refused: {}", tenant.slug(), result.getClass().getSimpleName());
        audit.refused(tenant, email, result, client);
        throw new LoginRefused();
    }

    /** Takes one login from a limit; a login the limit stops is recorded in the workspace's audit log, if it has one. */
    private void take(String limit, String value, String workspace, String email, String client) {
        try {
            limits.take(limit, value);
        } catch (RateLimiter.TooManyRequests stopped) {
            try {
                served(workspace).ifPresent(tenant -> audit.limited(tenant, email, limit, client));
            } catch (ApiProblem badWorkspace) {
                // a malformed workspace name has no audit log
            }
            throw stopped;
        }
    }

    /** Sends the reset mail if such a user exists; answers the same either way, so no one learns who has an account. */
    public void requestPasswordReset(String workspace, String email, String client) {
        limits.take("password-reset-address", client);
        limits.take("password-reset-account", workspace + " " + email);
        try {
            served(workspace)
                    .ifPresent(tenant -> cells.login(tenant.cell())
                            .sendPasswordReset(tenant.slug().realmName(), email));
        } catch (KeycloakUnavailable down) {
            throw LoginUnavailable.because(down);
        }
    }

    private Optional<Tenant> served(String workspace) {
        try {
            return tenants.findLive(TenantSlug.of(workspace))
                    .filter(t -> t.status() == TenantStatus.ACTIVE || t.status() == TenantStatus.SUSPENDED);
        } catch (TenantSlug.InvalidTenantSlug e) {
            throw ApiProblem.invalidField("workspace", e.reason());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The workspace's Keycloak does not answer (stopped, or slower than its timeouts): 503 at once, in plain words,
     * rather than a hanging request or a 500.
     */
    static final class LoginUnavailable extends ApiProblem {
        private LoginUnavailable() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "login-unavailable",
                    "Signing in is not possible right now because the sign-in service does not answer; try again in a"
                            + " minute");
        }

        static LoginUnavailable because(KeycloakUnavailable down) {
            log.warn("login unavailable: {}", down.getMessage());
            return new LoginUnavailable();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", "60");
        }
    }

    /** A refused login: the same answer for every reason. */
    static final class LoginRefused extends ApiProblem {
        LoginRefused() {
            super(HttpStatus.UNAUTHORIZED, "invalid-credentials", INVALID);
        }
    }
}
