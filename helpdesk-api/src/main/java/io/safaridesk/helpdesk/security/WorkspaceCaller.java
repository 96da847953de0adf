package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.tenancy.TenantSlug;

/** An authenticated caller of one workspace: a realm user ({@link TenantAuthentication}) or an API token. */
sealed interface WorkspaceCaller permits TenantAuthentication, ApiTokenAuthentication {

    /** The workspace the caller belongs to, and the only one it can act in. */
    TenantSlug tenant();

    /** Whether the workspace is read-only now (its realm is being moved to another cell). */
    boolean readOnly();

    /** Who the caller is in logs: a realm user id or {@code api-token:<id>}. */
    String getName();
}
