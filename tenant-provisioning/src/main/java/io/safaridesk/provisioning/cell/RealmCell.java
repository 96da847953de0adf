package io.safaridesk.provisioning.cell;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * A Keycloak cluster that holds workspace realms, as the registry knows it.
 *
 * @param name the cell's name, e.g. {@code default}, {@code eu-2}
 * @param baseUrl the URL users and token issuers see: a workspace's issuer is {@code <baseUrl>/realms/<slug>}
 * @param internalUrl the URL the services use for the admin API, logins and keys
 * @param adminCredentials where the admin's credentials come from: {@code default} or {@code env:<PREFIX>}
 * @param databaseRef {@code env:<PREFIX>} naming this Keycloak's database for moves, or null
 * @param capacity how many workspaces it takes
 * @param state whether it takes new ones
 * @param workspaces how many live workspaces it holds (or is receiving)
 */
public record RealmCell(
        String name,
        URI baseUrl,
        URI internalUrl,
        String adminCredentials,
        String databaseRef,
        int capacity,
        CellState state,
        int workspaces) {

    /** The name of the cell that the configured Keycloak becomes. */
    public static final String DEFAULT = "default";

    static final String SAME_AS_DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,30}[a-z0-9]$");
    private static final Pattern REFERENCE = Pattern.compile("^env:[A-Z][A-Z0-9_]{0,62}$");

    public RealmCell {
        requireName(name);
        baseUrl = url("base_url", baseUrl);
        internalUrl = url("internal_url", internalUrl);
        if (!SAME_AS_DEFAULT.equals(adminCredentials) && !isReference(adminCredentials)) {
            throw ApiProblem.invalidField("admin_credentials", "must be 'default' or env:<VARIABLE_PREFIX>");
        }
        if (databaseRef != null && !isReference(databaseRef)) {
            throw ApiProblem.invalidField("database", "must be env:<VARIABLE_PREFIX>");
        }
        if (capacity < 1) {
            throw ApiProblem.invalidField("capacity", "must be at least 1");
        }
    }

    /** The issuer of the workspace realm {@code slug} in this cell. */
    public String issuerOf(TenantSlug slug) {
        return baseUrl + "/realms/" + slug.realmName();
    }

    /** Whether provisioning may place one more workspace here. */
    public boolean hasRoom() {
        return state != CellState.DRAINING && workspaces < capacity;
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiProblem.invalidField("name", "must be 2-32 characters [a-z0-9-], starting with a letter");
        }
        return name;
    }

    static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value).matches();
    }

    /** An http(s) URL without a trailing slash, so that issuers compare exactly. */
    static URI url(String field, URI url) {
        if (url == null
                || url.getHost() == null
                || url.getScheme() == null
                || !url.getScheme().startsWith("http")) {
            throw ApiProblem.invalidField(field, "must be an http(s) URL");
        }
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text.replaceAll("/+$", "") : text);
    }
}
