package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second Keycloak for the tests that need two realm cells: started once per test JVM on free ports, with a fresh
 * database {@value #DATABASE} on the test services' PostgreSQL, and stopped when the JVM exits. CI and a developer
 * machine run it the same way (the Keycloak dist from the cache folder, like the stack's own Keycloak).
 */
public final class SecondKeycloak {

    /** The second Keycloak's database, dropped and created again at every start. */
    public static final String DATABASE = "keycloak_cell2_test";

    private static Cell cell;

    private SecondKeycloak() {}

    /** The second Keycloak, the database it stores its realms in, and its process id. */
    public record Cell(ServiceEndpoints.Keycloak keycloak, ServiceEndpoints.Database database, long pid) {

        /** Its database as the variables {@code <prefix>_URL}, {@code _USER}, {@code _PASSWORD} (a cell's reference). */
        public Map<String, Object> databaseVariables(String prefix) {
            return Map.of(
                    prefix + "_URL", database.jdbcUrl(),
                    prefix + "_USER", database.user(),
                    prefix + "_PASSWORD", database.password());
        }
    }

    public static synchronized Cell start() {
        if (cell == null) {
            ServiceEndpoints.Database server = TestServices.endpoints().database();
            PostgresDatabases.recreate(server, DATABASE);
            ServiceEndpoints.Database database = PostgresDatabases.withDatabase(server, DATABASE);
            Map<String, String> env = System.getenv();
            try {
                Path logs = Files.createTempDirectory("safaridesk-keycloak-cell2");
                KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Settings(
                        Path.of(env.getOrDefault(
                                StackSettings.CACHE, System.getProperty("user.home") + "/.safaridesk/cache")),
                        logs.resolve("keycloak.log"),
                        Ports.findFree(),
                        Ports.findFree(),
                        database,
                        EmbeddedStandIns.KEYCLOAK_ADMIN,
                        EmbeddedStandIns.KEYCLOAK_ADMIN));
                Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "safaridesk-keycloak-cell2-stop"));
                cell = new Cell(keycloak.endpoint(), database, keycloak.pid());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cell;
    }
}
