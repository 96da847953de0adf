package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import org.springframework.security.core.AuthenticationException;

/** The token's workspace exists but is not served (suspended): answered 403, not 401. */
final class TenantNotServed extends AuthenticationException {
    TenantNotServed(TenantSlug tenant, TenantStatus status) {
        super("Workspace " + tenant + " is " + status.name().toLowerCase(java.util.Locale.ROOT));
    }
}
