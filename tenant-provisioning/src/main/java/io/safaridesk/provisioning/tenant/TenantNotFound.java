package io.safaridesk.provisioning.tenant;

import io.safaridesk.platform.error.ApiProblem;
import org.springframework.http.HttpStatus;

/** No live workspace has this slug. */
public final class TenantNotFound extends ApiProblem {
    private TenantNotFound(String slug) {
        super(HttpStatus.NOT_FOUND, "workspace-not-found", "No workspace '" + slug + "'");
    }

    public static TenantNotFound forSlug(Object slug) {
        return new TenantNotFound(String.valueOf(slug));
    }
}
