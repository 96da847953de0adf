package io.safaridesk.platform.tenancy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of a workspace: its Keycloak realm, and (as {@code t_<slug>} with {@code -} turned into {@code _}) its
 * PostgreSQL schema. Validated on construction, so no schema or realm name is ever built from unchecked input.
 */
public record TenantSlug(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");

    /** Words that name parts of the platform, Keycloak or PostgreSQL, or that would mislead users. */
    static final Set<String> RESERVED = Set.of(
            "platform",
            "public",
            "master",
            "admin",
            "administrator",
            "api",
            "www",
            "app",
            "apps",
            "mail",
            "email",
            "smtp",
            "imap",
            "pop",
            "support",
            "help",
            "status",
            "docs",
            "auth",
            "login",
            "logout",
            "signup",
            "register",
            "keycloak",
            "realm",
            "realms",
            "static",
            "assets",
            "cdn",
            "root",
            "system",
            "postgres",
            "pg-catalog",
            "information-schema",
            "safaridesk",
            "portal",
            "billing",
            "dashboard",
            "account",
            "accounts",
            "security",
            "internal",
            "test",
            "demo",
            "null",
            "undefined");

    public TenantSlug {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidTenantSlug(
                    value,
                    "must be 3 to 32 characters of lowercase letters, digits and '-', start with a letter and not end"
                            + " with '-'");
        }
        if (RESERVED.contains(value)) {
            throw new InvalidTenantSlug(value, "is a reserved word");
        }
        if (value.contains("--")) {
            throw new InvalidTenantSlug(value, "must not contain '--'");
        }
    }

    public static TenantSlug of(String value) {
        return new TenantSlug(value);
    }

    /** The PostgreSQL schema of this workspace. */
    public String schemaName() {
        return "t_" + value.replace('-', '_');
    }

    /** The Keycloak realm of this workspace. */
    public String realmName() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** A slug that does not follow the rules; {@link #reason()} says which. */
    public static final class InvalidTenantSlug extends IllegalArgumentException {
        private final String reason;

        InvalidTenantSlug(String value, String reason) {
            super("Workspace slug '" + value + "' " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
