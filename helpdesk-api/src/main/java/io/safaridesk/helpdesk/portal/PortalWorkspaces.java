package io.safaridesk.helpdesk.portal;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The workspace an anonymous portal route names in its path ({@code /api/v1/portal/{slug}/...}): only an active one;
 * an unknown, malformed or suspended slug is 404 {@code portal-not-found}.
 */
@Component
public class PortalWorkspaces {

    private final TenantDirectory directory;

    PortalWorkspaces(TenantDirectory directory) {
        this.directory = directory;
    }

    public TenantSlug active(String slug) {
        Optional<TenantSlug> tenant;
        try {
            tenant = directory.findActive(TenantSlug.of(slug)).map(TenantDirectory.Entry::slug);
        } catch (TenantSlug.InvalidTenantSlug e) {
            tenant = Optional.empty();
        }
        return tenant.orElseThrow(() -> PortalNotFound.forSlug(slug));
    }

    /** No active workspace has this slug. */
    public static final class PortalNotFound extends ApiProblem {
        private PortalNotFound(String slug) {
            super(HttpStatus.NOT_FOUND, "portal-not-found", "No portal '" + slug + "'");
        }

        static PortalNotFound forSlug(String slug) {
            return new PortalNotFound(slug.length() > 40 ? slug.substring(0, 40) : slug);
        }
    }
}
