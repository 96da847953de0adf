package io.safaridesk.helpdesk.security;

import io.safaridesk.domain.apitoken.ApiScope;
import io.safaridesk.domain.apitoken.ApiToken;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated by an API token of its workspace. Its authorities are its scopes only ({@link #authority}),
 * never a realm role, so routes declared for roles alone (the admin areas) stay closed to it.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken implements WorkspaceCaller {

    private static final String SCOPE_PREFIX = "API_SCOPE_";

    private final TenantSlug tenant;
    private final boolean readOnly;
    private final long tokenId;
    private final String tokenName;
    private final Set<ApiScope> scopes;

    ApiTokenAuthentication(TenantSlug tenant, boolean readOnly, ApiToken token) {
        super(token.scopes().stream().map(ApiTokenAuthentication::authority).toList());
        this.tenant = tenant;
        this.readOnly = readOnly;
        this.tokenId = token.id();
        this.tokenName = token.name();
        this.scopes = token.scopes();
        setAuthenticated(true);
    }

    /** The authority that {@code scope} grants; no realm token can carry it (those map realm roles only). */
    static GrantedAuthority authority(ApiScope scope) {
        return new SimpleGrantedAuthority(SCOPE_PREFIX + scope.scope());
    }

    @Override
    public TenantSlug tenant() {
        return tenant;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public String getName() {
        return "api-token:" + tokenId;
    }

    public Set<ApiScope> scopes() {
        return scopes;
    }

    /**
     * The token as an actor: the workspace's integration, seeing every ticket as an admin does, within the routes its
     * scopes open. It has no agent profile; its name is the token's, so history says which integration acted.
     */
    public Actor actor() {
        return new Actor(getName(), "API token " + tokenName, Actor.Role.ADMIN, null, Set.of(), null);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }
}
