package io.safaridesk.infra.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the local stack runs: where it keeps data, on which ports its embedded stand-ins listen, and what supplies the
 * services that no endpoint variable names.
 *
 * @param home data folder ({@code SAFARIDESK_HOME}, default {@code ~/.safaridesk}); survives restarts
 * @param cache where downloads are unpacked once ({@code SAFARIDESK_CACHE}, default {@code <home>/cache})
 * @param keycloakDatabase the database of an embedded Keycloak ({@code SAFARIDESK_KEYCLOAK_DB}, default {@code
 *     keycloak}), on the same PostgreSQL server as SafariDesk's
 */
public record StackSettings(
        Path home,
        Path cache,
        StandInMode mode,
        int postgresPort,
        int amqpPort,
        int smtpPort,
        int imapPort,
        int keycloakPort,
        int keycloakManagementPort,
        String keycloakDatabase) {

    public static final String HOME = "SAFARIDESK_HOME";
    public static final String CACHE = "SAFARIDESK_CACHE";
    public static final String POSTGRES_PORT = "SAFARIDESK_EMBEDDED_DB_PORT";
    public static final String AMQP_PORT = "SAFARIDESK_EMBEDDED_AMQP_PORT";
    public static final String SMTP_PORT = "SAFARIDESK_EMBEDDED_SMTP_PORT";
    public static final String IMAP_PORT = "SAFARIDESK_EMBEDDED_IMAP_PORT";
    public static final String KEYCLOAK_PORT = "SAFARIDESK_EMBEDDED_KEYCLOAK_PORT";
    public static final String KEYCLOAK_MANAGEMENT_PORT = "SAFARIDESK_EMBEDDED_KEYCLOAK_MANAGEMENT_PORT";
    public static final String KEYCLOAK_DATABASE = "SAFARIDESK_KEYCLOAK_DB";

    /** What starts a service that no endpoint variable names. */
    public enum StandInMode {
        /** In-process or child-process stand-ins that need nothing but a JDK. */
        EMBEDDED,
        /** Containers, for machines with a Docker engine. */
        TESTCONTAINERS;

        static StandInMode parse(String value) {
            return switch (value == null ? "embedded" : value.toLowerCase(java.util.Locale.ROOT)) {
                case "embedded" -> EMBEDDED;
                case "testcontainers" -> TESTCONTAINERS;
                default ->
                    throw new IllegalArgumentException(
                            EndpointVariables.STACK_MODE + " must be 'embedded' or 'testcontainers', was: " + value);
            };
        }
    }

    /** The settings of the long-lived local stack, from the environment, with well-known default ports. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault(HOME, System.getProperty("user.home") + "/.safaridesk"));
        return new StackSettings(
                home,
                Path.of(env.getOrDefault(CACHE, home.resolve("cache").toString())),
                StandInMode.parse(env.get(EndpointVariables.STACK_MODE)),
                port(env, POSTGRES_PORT, 15432),
                port(env, AMQP_PORT, 5673),
                port(env, SMTP_PORT, 3025),
                port(env, IMAP_PORT, 3143),
                port(env, KEYCLOAK_PORT, 8180),
                port(env, KEYCLOAK_MANAGEMENT_PORT, 9180),
                env.getOrDefault(KEYCLOAK_DATABASE, "keycloak"));
    }

    /** Settings for a throw-away stack: data in {@code home}, every port free right now, downloads cached as usual. */
    public static StackSettings ephemeral(Path home, Map<String, String> env) {
        String defaultCache = System.getProperty("user.home") + "/.safaridesk/cache";
        return new StackSettings(
                home,
                Path.of(env.getOrDefault(CACHE, defaultCache)),
                StandInMode.parse(env.get(EndpointVariables.STACK_MODE)),
                Ports.findFree(),
                Ports.findFree(),
                Ports.findFree(),
                Ports.findFree(),
                Ports.findFree(),
                Ports.findFree(),
                "keycloak");
    }

    static int port(Map<String, String> env, String variable, int defaultPort) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            Ports.requireValid(port, variable);
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, was: " + value);
        }
    }

    Path logs() {
        return home.resolve("logs");
    }
}
