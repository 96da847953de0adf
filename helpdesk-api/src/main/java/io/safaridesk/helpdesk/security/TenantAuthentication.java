package io.safaridesk.helpdesk.security;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A caller authenticated by a workspace's realm: the workspace comes from the token's validated issuer alone. */
public final class TenantAuthentication extends JwtAuthenticationToken implements WorkspaceCaller {

    private final TenantSlug tenant;
    private final boolean readOnly;

    TenantAuthentication(
            Jwt jwt, Collection<? extends GrantedAuthority> authorities, TenantSlug tenant, boolean readOnly) {
        super(jwt, authorities, jwt.getSubject());
        this.tenant = tenant;
        this.readOnly = readOnly;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public TenantSlug tenant() {
        return tenant;
    }

    public String userId() {
        return getToken().getSubject();
    }

    /** The caller's realm roles (admin, agent, customer). */
    public List<String> roles() {
        return getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList();
    }
}
