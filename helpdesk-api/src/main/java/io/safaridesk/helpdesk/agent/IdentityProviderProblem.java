package io.safaridesk.helpdesk.agent;

import io.safaridesk.platform.error.ApiProblem;
import org.springframework.http.HttpStatus;

/** Keycloak could not do what the request needs: unreachable (503, retry later) or it refused (502). */
public final class IdentityProviderProblem extends ApiProblem {

    private IdentityProviderProblem(HttpStatus status, String type, String detail, Throwable cause) {
        super(status, type, detail);
        initCause(cause);
    }

    static IdentityProviderProblem unavailable(String action, Throwable cause) {
        return new IdentityProviderProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "identity-provider-unavailable",
                "The identity provider is unavailable (" + action + "); try again later",
                cause);
    }

    static IdentityProviderProblem refused(String action, int status, Throwable cause) {
        return new IdentityProviderProblem(
                HttpStatus.BAD_GATEWAY,
                "identity-provider-refused",
                "The identity provider refused " + action + " (HTTP " + status + ")",
                cause);
    }
}
