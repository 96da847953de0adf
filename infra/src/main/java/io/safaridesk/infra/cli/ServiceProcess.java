package io.safaridesk.infra.cli;

import io.safaridesk.infra.stack.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One SafariDesk service run as a child JVM ({@code java -jar}), ready once its readiness probe answers UP. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Service service;
    private final Process process;
    private final Path log;

    private ServiceProcess(Service service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** A service of the stack: its name, its executable jar, and the variable and value of its HTTP port. */
    record Service(String name, Path jar, String portVariable, int port) {
        URI url() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    static ServiceProcess start(Service service, Map<String, String> environment, Path logs) {
        if (!Files.isRegularFile(service.jar())) {
            throw new IllegalStateException(service.jar()
                    + " is missing: build it with ./mvnw -DskipTests package (safaridesk up does it" + " for you)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = logs.resolve(service.name() + ".log");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(
                            List.of(java, "-Xmx512m", "-jar", service.jar().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(service.portVariable(), Integer.toString(service.port()));
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.name(), e);
        }
    }

    void awaitReady() {
        URI readiness = service.url().resolve("/actuator/health/readiness");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            service.name() + " exited with code " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(readiness)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + service.name(), e);
        }
        throw new IllegalStateException(
                service.name() + " was not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    Service service() {
        return service;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }
}
