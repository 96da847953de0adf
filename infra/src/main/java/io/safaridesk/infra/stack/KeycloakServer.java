package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from the {@code org.keycloak:keycloak-quarkus-dist} zip on Maven Central: unpacked once into a cache
 * folder, built once for PostgreSQL, then run as a child process on the JDK that runs this code.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final int DB_POOL_MAX_SIZE = 12;
    /** Keycloak stops in a few seconds; this bound keeps {@code safaridesk down} under 30 s on a loaded machine. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final ServiceEndpoints.Keycloak endpoint;

    private KeycloakServer(Process process, ServiceEndpoints.Keycloak endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** What a Keycloak instance needs: where to unpack, where to log, its ports, its database and its admin. */
    public record Settings(
            Path cacheDirectory,
            Path logFile,
            int httpPort,
            int managementPort,
            ServiceEndpoints.Database database,
            String adminUser,
            String adminPassword) {}

    public static KeycloakServer start(Settings settings) {
        Path home = preparedDistribution(settings.cacheDirectory(), settings.logFile());
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--hostname-strict=false",
                // a runtime option in Keycloak 26.5: without it each instance clusters over JGroups ports
                // 57800-57803, and the fifth Keycloak on a machine fails to start
                "--cache=local",
                "--db-url=" + settings.database().jdbcUrl(),
                "--db-username=" + settings.database().user(),
                "--db-password=" + settings.database().password(),
                // PostgreSQL allows 100 connections by default; a stand-in shares them with the services and with
                // other Keycloaks (realm cells), and never needs Keycloak's default of 100
                "--db-pool-max-size=" + DB_POOL_MAX_SIZE));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        try {
            Files.createDirectories(settings.logFile().getParent());
            Process process = builder.start();
            URI url = URI.create("http://127.0.0.1:" + settings.httpPort());
            KeycloakServer server = new KeycloakServer(
                    process, new ServiceEndpoints.Keycloak(url, settings.adminUser(), settings.adminPassword()));
            server.awaitReady(settings);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Keycloak did not start (" + e.getMessage() + "); see " + settings.logFile(), e);
        }
    }

    public ServiceEndpoints.Keycloak endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Settings settings) {
        URI ready = URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready");
        try {
            StartupWait.fromEnvironment(System.getenv()).awaitOk("Keycloak", process, settings.logFile(), ready);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_GRACE);
    }

    /** Unpacks and builds the distribution once, under a file lock so that two JVMs never do it at the same time. */
    static Path preparedDistribution(Path cacheDirectory, Path logFile) {
        try {
            Files.createDirectories(cacheDirectory);
            try (FileChannel lockFile = FileChannel.open(
                            cacheDirectory.resolve(".keycloak.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                Path home = unpackedDistribution(cacheDirectory);
                buildOnce(home, logFile);
                return home;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + cacheDirectory, e);
        }
    }

    private static Path unpackedDistribution(Path cacheDirectory) {
        Properties dist = distribution();
        String version = dist.getProperty("keycloak.version");
        Path home = cacheDirectory.resolve("keycloak-" + version);
        Path marker = home.resolve(".safaridesk-unpacked");
        if (Files.exists(marker)) {
            return home;
        }
        Path zip = Path.of(dist.getProperty("keycloak.dist.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Keycloak distribution " + zip
                    + " is missing; build the project first (./mvnw -pl infra -am package)");
        }
        try {
            Path staging = Files.createTempDirectory(cacheDirectory, "keycloak-unpack");
            unzip(zip, staging);
            Path unpacked = staging.resolve("keycloak-" + version);
            try (var scripts = Files.list(unpacked.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh"))
                        .forEach(p -> p.toFile().setExecutable(true));
            }
            deleteRecursively(home);
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
            Files.createFile(marker);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + cacheDirectory, e);
        }
    }

    /** Build-time options: PostgreSQL, health checks, and one node per cell here (no clustering between instances). */
    private static final List<String> BUILD_OPTIONS =
            List.of("--db=postgres", "--health-enabled=true", "--cache=local");

    private static void buildOnce(Path home, Path logFile) {
        Path marker = home.resolve(".safaridesk-build-options");
        String options = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(options)) {
                return;
            }
            Files.createDirectories(logFile.getParent());
            List<String> command =
                    new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process build = builder.start();
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("Building Keycloak for PostgreSQL failed; see " + logFile);
            }
            Files.writeString(marker, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
    }

    private static Properties distribution() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("keycloak-dist.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
