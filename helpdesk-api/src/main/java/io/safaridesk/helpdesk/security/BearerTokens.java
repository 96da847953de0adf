package io.safaridesk.helpdesk.security;

import io.safaridesk.domain.apitoken.ApiTokenCredential;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/** Sends each bearer token to its checker: API tokens by their prefix, everything else as a realm's JWT. */
@Component
class BearerTokens implements AuthenticationManagerResolver<HttpServletRequest> {

    private final TenantTokenResolver realmTokens;
    private final ApiTokenAuthenticator apiTokens;

    BearerTokens(TenantTokenResolver realmTokens, ApiTokenAuthenticator apiTokens) {
        this.realmTokens = realmTokens;
        this.apiTokens = apiTokens;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        AuthenticationManager realm = realmTokens.resolve(request);
        return authentication -> authentication instanceof BearerTokenAuthenticationToken bearer
                        && ApiTokenCredential.looksLike(bearer.getToken())
                ? apiTokens.authenticate(authentication)
                : realm.authenticate(authentication);
    }
}
