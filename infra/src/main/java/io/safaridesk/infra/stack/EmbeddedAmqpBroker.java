package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-JVM AMQP 0-9-1 broker (Apache Qpid Broker-J) with a guest/guest user and an in-memory store.
 *
 * <p>It accepts but ignores RabbitMQ-only queue arguments (message TTL, dead-letter exchange, expiry); the worker's
 * retries and dead letters do not need them. Messages do not survive a restart.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

    private static final String INITIAL_CONFIGURATION = "embedded-qpid-config.json";

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedAmqpBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    public static EmbeddedAmqpBroker start(Path workDirectory, int port) {
        try {
            Files.createDirectories(workDirectory);
            Path configuration = workDirectory.resolve(INITIAL_CONFIGURATION);
            try (InputStream in = EmbeddedAmqpBroker.class.getResourceAsStream(INITIAL_CONFIGURATION)) {
                Files.copy(in, configuration, StandardCopyOption.REPLACE_EXISTING);
            }
            // Qpid looks for its system properties at a classpath: URL, which a nested jar cannot serve.
            Path systemProperties = workDirectory.resolve("system.properties");
            if (!Files.exists(systemProperties)) {
                Files.createFile(systemProperties);
            }
            Map<String, Object> context = new HashMap<>();
            context.put("qpid.amqp_port", Integer.toString(port));
            context.put("qpid.work_dir", workDirectory.toString());
            context.put("qpid.home_dir", workDirectory.toString());
            context.put("queue.behaviourOnUnknownDeclareArgument", "IGNORE");

            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put("initialConfigurationLocation", configuration.toUri().toString());
            attributes.put(
                    "initialSystemPropertiesLocation", systemProperties.toUri().toString());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", context);

            AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
            SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
                @Override
                public void onContainerResolve(SystemConfig<?> resolved) {
                    system.set(resolved);
                }
            });
            launcher.startup(attributes);
            withoutShutdownHookOf(system.get());
            return new EmbeddedAmqpBroker(launcher, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded AMQP broker did not start on port " + port, e);
        }
    }

    /**
     * Qpid stops itself at JVM exit, in parallel with the launcher's own shutdown that stops the services first: the
     * services would lose the broker mid-shutdown and log errors. Its hook goes, so {@link #close()} stops it, in order.
     */
    private static void withoutShutdownHookOf(SystemConfig<?> system) {
        if (system == null || system.getContainer() == null) {
            return;
        }
        try {
            Field hook = system.getContainer().getClass().getDeclaredField("_shutdownHook");
            hook.setAccessible(true);
            Runtime.getRuntime().removeShutdownHook((Thread) hook.get(system.getContainer()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Qpid's shutdown hook stays: {}", e.toString());
        }
    }

    public ServiceEndpoints.Amqp endpoint() {
        return new ServiceEndpoints.Amqp(URI.create("amqp://guest:guest@127.0.0.1:" + port));
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } catch (IllegalStateException alreadyStopped) {
            // Qpid's configuration thread has already stopped with the JVM: nothing is left to close
            log.debug("The embedded AMQP broker had stopped already: {}", alreadyStopped.getMessage());
        }
    }
}
