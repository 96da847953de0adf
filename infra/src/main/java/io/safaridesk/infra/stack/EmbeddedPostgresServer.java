package io.safaridesk.infra.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL binaries from Maven Central (io.zonky.test), run as a child process with data in a folder of ours. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}, kept across restarts, and makes sure
     * the given databases exist.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, List<String> databases) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    // stopped by whoever started it, after the services that use it; a JVM-exit hook of its own
                    // would stop it under Keycloak's and the services' feet
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, port);
            databases.forEach(server::createDatabaseIfMissing);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public ServiceEndpoints.Database database(String name) {
        return new ServiceEndpoints.Database("jdbc:postgresql://127.0.0.1:" + port + "/" + name, "postgres", "");
    }

    private void createDatabaseIfMissing(String name) {
        PostgresDatabases.createIfMissing(database("postgres"), name);
    }

    Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
