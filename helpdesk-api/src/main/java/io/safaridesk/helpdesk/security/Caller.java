package io.safaridesk.helpdesk.security;

/** Who calls a route, as {@link Callers} names them. */
public enum Caller {
    /** Anyone, without a token: the workspace's public portal. */
    ANYONE,
    /** Any user of the workspace, whatever their role, but no API token (which is nobody's identity). */
    SIGNED_IN,
    CUSTOMER,
    AGENT,
    ADMIN;

    /** The realm role that makes a user this caller; none for {@link #ANYONE} and {@link #SIGNED_IN}. */
    String role() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
