package io.safaridesk.provisioning.login;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.realm.LoginResult;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Password + OTP login for clients that cannot run the browser SSO flow, through the workspace's own realm; and the
 * password-reset mail. Each refusal has its own problem type so that clients can tell users what to do.
 */
@Component
public class WorkspaceLogin {

    private static final String INVALID = "Wrong workspace, email or password";

    private final TenantRegistry tenants;
    private final RealmCells cells;

    WorkspaceLogin(TenantRegistry tenants, RealmCells cells) {
        this.tenants = tenants;
        this.cells = cells;
    }

    public LoginResult.Tokens login(String workspace, String email, String password, String otp) {
        Tenant tenant = served(workspace)
                .orElseThrow(() -> new LoginRefused(HttpStatus.UNAUTHORIZED, "invalid-credentials", INVALID));
        LoginResult result =
                cells.login(tenant.cell()).login(tenant.slug().realmName(), email, password, blankToNull(otp));
        return switch (result) {
            case LoginResult.Tokens tokens -> tokens;
            case LoginResult.InvalidCredentials invalid ->
                throw new LoginRefused(HttpStatus.UNAUTHORIZED, "invalid-credentials", INVALID);
            case LoginResult.OtpRequired required ->
                throw new LoginRefused(
                        HttpStatus.UNAUTHORIZED, "otp-required", "This account needs the code from its authenticator");
            case LoginResult.AccountNotSetUp notSetUp ->
                throw new LoginRefused(
                        HttpStatus.FORBIDDEN,
                        "account-not-set-up",
                        "Finish setting up this account (password, email, authenticator) in the browser first");
            case LoginResult.AccountDisabled disabled ->
                throw new LoginRefused(HttpStatus.FORBIDDEN, "account-disabled", "This account is disabled");
            case LoginResult.RealmDisabled disabled ->
                throw new LoginRefused(HttpStatus.FORBIDDEN, "workspace-suspended", "This workspace is suspended");
            case LoginResult.RealmNotFound notFound ->
                throw new LoginRefused(HttpStatus.UNAUTHORIZED, "invalid-credentials", INVALID);
        };
    }

    /** Sends the reset mail if such a user exists; answers the same either way, so no one learns who has an account. */
    public void requestPasswordReset(String workspace, String email) {
        served(workspace)
                .ifPresent(tenant -> cells.login(tenant.cell())
                        .sendPasswordReset(tenant.slug().realmName(), email));
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

    /** A login that Keycloak refused, with the reason clients may show. */
    static final class LoginRefused extends ApiProblem {
        LoginRefused(HttpStatus status, String type, String detail) {
            super(status, type, detail);
        }
    }
}
