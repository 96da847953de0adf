package io.safaridesk.provisioning.tenant;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import org.springframework.http.HttpStatus;

/** A transition that the workspace's current status does not allow. */
public final class TenantStateConflict extends ApiProblem {
    public TenantStateConflict(TenantSlug slug, TenantStatus status, String action) {
        super(
                HttpStatus.CONFLICT,
                "workspace-state-conflict",
                "Workspace " + slug + " is " + status + " and cannot " + action);
    }
}
