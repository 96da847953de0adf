package io.safaridesk.infra.stack;

import java.util.List;

/** The names of the environment variables that point SafariDesk at its external services. */
public final class EndpointVariables {

    public static final String DB_URL = "SAFARIDESK_DB_URL";
    public static final String DB_USER = "SAFARIDESK_DB_USER";
    public static final String DB_PASSWORD = "SAFARIDESK_DB_PASSWORD";
    public static final String AMQP_URL = "SAFARIDESK_AMQP_URL";
    public static final String KEYCLOAK_URL = "SAFARIDESK_KEYCLOAK_URL";
    public static final String KEYCLOAK_ADMIN_USER = "SAFARIDESK_KEYCLOAK_ADMIN_USER";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "SAFARIDESK_KEYCLOAK_ADMIN_PASSWORD";
    public static final String SMTP_HOST = "SAFARIDESK_SMTP_HOST";
    public static final String SMTP_PORT = "SAFARIDESK_SMTP_PORT";
    public static final String IMAP_HOST = "SAFARIDESK_IMAP_HOST";
    public static final String IMAP_PORT = "SAFARIDESK_IMAP_PORT";

    /** {@code embedded} (default) or {@code testcontainers}: what supplies the services that no variable names. */
    public static final String STACK_MODE = "SAFARIDESK_STACK";

    public static final List<String> ALL = List.of(
            DB_URL,
            DB_USER,
            DB_PASSWORD,
            AMQP_URL,
            KEYCLOAK_URL,
            KEYCLOAK_ADMIN_USER,
            KEYCLOAK_ADMIN_PASSWORD,
            SMTP_HOST,
            SMTP_PORT,
            IMAP_HOST,
            IMAP_PORT);

    private EndpointVariables() {}
}
