package io.safaridesk.provisioning.realm;

import java.util.regex.Pattern;

/**
 * A realm name is a workspace slug (ARCHITECTURE.md, Tenancy), checked before it reaches a URL; Keycloak's own
 * {@code master} realm is never a workspace.
 */
final class RealmNames {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");

    private static final String MASTER = "master";

    private RealmNames() {}

    static boolean isValid(String name) {
        return name != null && SLUG.matcher(name).matches() && !MASTER.equals(name);
    }

    static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(
                    "not a workspace realm name (" + SLUG.pattern() + ", not master): " + name);
        }
        return name;
    }
}
