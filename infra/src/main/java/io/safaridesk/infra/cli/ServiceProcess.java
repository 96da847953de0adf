package io.safaridesk.infra.cli;

import io.safaridesk.infra.stack.ChildProcesses;
import io.safaridesk.infra.stack.StartupWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One SafariDesk service run as a child JVM ({@code java -jar}), ready once its readiness probe answers UP; waited for
 * as {@link StartupWait} says.
 */
final class ServiceProcess {

    /** How long a service may take to shut down; with the stand-ins' it keeps {@code down} under 30 s. */
    static final Duration STOP_GRACE = Duration.ofSeconds(12);

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

    void awaitReady(StartupWait wait) {
        try {
            wait.awaitOk(service.name(), process, log, service.url().resolve("/actuator/health/readiness"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + service.name(), e);
        }
    }

    Service service() {
        return service;
    }

    /**
     * Stops the services together: each shuts down gracefully (in-flight requests and deliveries finish) within
     * {@link #STOP_GRACE}, then is killed.
     */
    static void stopAll(List<ServiceProcess> services) {
        ChildProcesses.stop(services.stream().map(s -> s.process.toHandle()).toList(), STOP_GRACE);
    }
}
