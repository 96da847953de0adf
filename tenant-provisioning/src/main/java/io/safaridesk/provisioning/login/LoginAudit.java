package io.safaridesk.provisioning.login;

import io.safaridesk.provisioning.realm.LoginResult;
import io.safaridesk.provisioning.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logins through {@code POST /api/v1/auth/login} in the workspace's audit log ({@code audit_log} of its schema, which
 * its admins read at {@code GET /api/v1/audit-log}): who logged in, who was refused and why, and who was stopped by
 * the login limits, with the client address. Only for a workspace that exists: a login to an unknown one has no log
 * to go to. Never the password, the code or a token. A log that cannot be written does not fail the login.
 */
@Component
class LoginAudit {

    static final String ACTION = "POST /api/v1/auth/login";
    private static final String ANONYMOUS = "anonymous";
    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    private final JdbcClient jdbc;

    LoginAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A login that got tokens: the user as the access token names them (its subject and strongest role). */
    void succeeded(Tenant tenant, String email, LoginResult.Tokens tokens, String client) {
        JsonNode claims = claims(tokens.accessToken());
        String userId = claims == null || claims.get("sub") == null
                ? ANONYMOUS
                : claims.get("sub").asString();
        record(tenant, userId, email, role(claims), "login", 200, client);
    }

    /** A refused login, with the reason in words for the admins (callers all get the same 401). */
    void refused(Tenant tenant, String email, LoginResult result, String client) {
        String reason = switch (result) {
            case LoginResult.InvalidCredentials ignored -> "wrong email, password or authenticator code";
            case LoginResult.OtpRequired ignored -> "no authenticator code given";
            case LoginResult.AccountNotSetUp ignored -> "the account is not set up yet";
            case LoginResult.AccountDisabled ignored -> "the account is disabled";
            case LoginResult.RealmDisabled ignored -> "the workspace is suspended";
            case LoginResult.RealmNotFound ignored -> "the workspace's realm is missing";
            case LoginResult.Tokens ignored -> "logged in";
        };
        record(tenant, ANONYMOUS, email, ANONYMOUS, "login refused: " + reason, 401, client);
    }

    /** A login stopped by a limit before it reached Keycloak: the account is locked for a while. */
    void limited(Tenant tenant, String email, String limit, String client) {
        String reason = limit.equals("login-account")
                ? "too many failed logins for this account; locked for a while"
                : "too many failed logins from this address";
        record(tenant, ANONYMOUS, email, ANONYMOUS, "login refused: " + reason, 429, client);
    }

    private void record(
            Tenant tenant, String userId, String email, String role, String target, int status, String client) {
        try {
            jdbc.sql("insert into " + tenant.slug().schemaName() + ".audit_log (actor_user_id, actor_name,"
                            + " actor_role, action, target, status, client_address) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            userId,
                            email == null ? null : email.trim().toLowerCase(Locale.ROOT),
                            role,
                            ACTION,
                            target,
                            status,
                            client)
                    .update();
        } catch (RuntimeException e) {
            log.warn("login to {} not recorded in its audit log: {}", tenant.slug(), e.getMessage());
        }
    }

    /** The claims of a token Keycloak just issued to us (no signature check needed: it came over our own call). */
    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return JsonMapper.shared()
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String role(JsonNode claims) {
        Set<String> roles = new HashSet<>();
        JsonNode realmAccess = claims == null ? null : claims.get("realm_access");
        if (realmAccess != null && realmAccess.get("roles") != null) {
            realmAccess.get("roles").values().forEach(role -> roles.add(role.asString()));
        }
        for (String role : new String[] {"admin", "agent", "customer"}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return "user";
    }
}
