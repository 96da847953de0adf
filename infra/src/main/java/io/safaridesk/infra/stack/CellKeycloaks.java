package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Extra Keycloaks for the tests and benchmarks that need more than one realm cell: each started once per JVM, by name,
 * on free ports, with a fresh database {@code keycloak_<name>} on the test services' PostgreSQL, and stopped when the
 * JVM exits. CI and a developer machine run them the same way (the Keycloak dist from the cache folder, like the
 * stack's own Keycloak).
 */
public final class CellKeycloaks {

    /** The second cell of the tests: database {@code keycloak_cell2_test}. */
    public static final String TEST_CELL = "cell2_test";

    private static final Map<String, Cell> started = new ConcurrentHashMap<>();

    private CellKeycloaks() {}

    /** A cell's Keycloak, the database it stores its realms in, and its process id. */
    public record Cell(ServiceEndpoints.Keycloak keycloak, ServiceEndpoints.Database database, long pid) {

        /** Its database as the variables {@code <prefix>_URL}, {@code _USER}, {@code _PASSWORD} (a cell's reference). */
        public Map<String, Object> databaseVariables(String prefix) {
            return Map.of(
                    prefix + "_URL", database.jdbcUrl(),
                    prefix + "_USER", database.user(),
                    prefix + "_PASSWORD", database.password());
        }
    }

    /** The Keycloak named {@code name} (lower-case letters, digits, underscores), started on first use. */
    public static Cell start(String name) {
        if (!name.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("Not a cell name: " + name);
        }
        return started.computeIfAbsent(name, CellKeycloaks::launch);
    }

    private static Cell launch(String name) {
        String databaseName = "keycloak_" + name;
        ServiceEndpoints.Database server = TestServices.endpoints().database();
        PostgresDatabases.recreate(server, databaseName);
        ServiceEndpoints.Database database = PostgresDatabases.withDatabase(server, databaseName);
        Map<String, String> env = System.getenv();
        try {
            Path logs = Files.createTempDirectory("safaridesk-keycloak-" + name.replace('_', '-'));
            KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Settings(
                    Path.of(env.getOrDefault(
                            StackSettings.CACHE, System.getProperty("user.home") + "/.safaridesk/cache")),
                    logs.resolve("keycloak.log"),
                    Ports.findFree(),
                    Ports.findFree(),
                    database,
                    EmbeddedStandIns.KEYCLOAK_ADMIN,
                    EmbeddedStandIns.KEYCLOAK_ADMIN));
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "safaridesk-keycloak-" + name + "-stop"));
            return new Cell(keycloak.endpoint(), database, keycloak.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
