package io.safaridesk.provisioning.realm;

/**
 * The realm of one workspace.
 *
 * @param name the realm name, which is the workspace slug ({@code ^[a-z][a-z0-9-]{1,30}[a-z0-9]$})
 * @param displayName the business name, shown on Keycloak's login pages and as the sender of its mails
 */
public record RealmSpec(String name, String displayName) {

    public RealmSpec {
        RealmNames.require(name);
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("a realm needs a display name (the business name)");
        }
        displayName = displayName.strip();
        if (displayName.length() > 255) {
            throw new IllegalArgumentException("display name longer than 255 characters");
        }
    }
}
