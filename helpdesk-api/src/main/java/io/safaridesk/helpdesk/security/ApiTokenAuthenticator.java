package io.safaridesk.helpdesk.security;

import io.safaridesk.domain.apitoken.ApiToken;
import io.safaridesk.domain.apitoken.ApiTokenCredential;
import io.safaridesk.domain.apitoken.ApiTokens;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantDirectory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Accepts an API token ({@link ApiTokenCredential}): its prefix names the workspace, which must be served now, and only
 * that workspace's schema is asked for the token. Anything else (malformed, unknown, wrong secret, revoked, expired, a
 * workspace not served) is 401 with the reason.
 */
@Component
class ApiTokenAuthenticator implements AuthenticationManager {

    private final TenantDirectory directory;
    private final ApiTokens tokens;

    ApiTokenAuthenticator(TenantDirectory directory, ApiTokens tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String bearer = ((BearerTokenAuthenticationToken) authentication).getToken();
        ApiTokenCredential credential = ApiTokenCredential.parse(bearer)
                .orElseThrow(() -> new InvalidBearerTokenException("Malformed API token"));
        TenantDirectory.Entry workspace = directory
                .findActive(credential.workspace())
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown API token"));
        try {
            ApiToken token = TenantContext.callAs(workspace.slug(), () -> tokens.authenticate(credential));
            return new ApiTokenAuthentication(workspace.slug(), workspace.moving(), token);
        } catch (ApiTokens.Refused refused) {
            throw new InvalidBearerTokenException(refused.getMessage());
        }
    }
}
