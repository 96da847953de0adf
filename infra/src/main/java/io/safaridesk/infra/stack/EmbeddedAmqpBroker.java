package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * An in-JVM AMQP 0-9-1 broker (Apache Qpid Broker-J) with a guest/guest user and an in-memory store.
 *
 * <p>It accepts but ignores RabbitMQ's dead-letter queue arguments, so retry and dead-letter behaviour is real only on
 * RabbitMQ; messages do not survive a restart.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

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

            SystemLauncher launcher = new SystemLauncher();
            launcher.startup(attributes);
            return new EmbeddedAmqpBroker(launcher, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded AMQP broker did not start on port " + port, e);
        }
    }

    public ServiceEndpoints.Amqp endpoint() {
        return new ServiceEndpoints.Amqp(URI.create("amqp://guest:guest@127.0.0.1:" + port));
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
