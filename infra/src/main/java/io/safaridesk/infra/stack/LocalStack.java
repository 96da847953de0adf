package io.safaridesk.infra.stack;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external services SafariDesk needs, resolved in one order everywhere: a service named by its {@code SAFARIDESK_*}
 * variable is used as it is; any other gets a stand-in (embedded, or a container where {@code SAFARIDESK_STACK=
 * testcontainers} asks for one). Closing the stack stops only the stand-ins it started, newest first.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final ServiceEndpoints endpoints;
    private final List<String> descriptions;
    private final Deque<AutoCloseable> started;

    private LocalStack(ServiceEndpoints endpoints, List<String> descriptions, Deque<AutoCloseable> started) {
        this.endpoints = endpoints;
        this.descriptions = List.copyOf(descriptions);
        this.started = started;
    }

    /** Resolves every endpoint from {@code env}, starting stand-ins as {@code settings} say for the missing ones. */
    public static LocalStack start(Map<String, String> env, StackSettings settings) {
        return start(
                env,
                switch (settings.mode()) {
                    case EMBEDDED -> new EmbeddedStandIns(settings);
                    case TESTCONTAINERS -> ContainerStandIns.requireDocker(env, settings);
                });
    }

    static LocalStack start(Map<String, String> env, StandIns standIns) {
        Resolution resolution = new Resolution();
        try {
            ServiceEndpoints.Database database = resolution.resolve(
                    env.get(EndpointVariables.DB_URL) != null,
                    () -> new ServiceEndpoints.Database(
                            env.get(EndpointVariables.DB_URL),
                            env.getOrDefault(EndpointVariables.DB_USER, "postgres"),
                            env.getOrDefault(EndpointVariables.DB_PASSWORD, "")),
                    standIns::postgres,
                    d -> "postgres " + d.jdbcUrl());
            ServiceEndpoints.Amqp amqp = resolution.resolve(
                    env.get(EndpointVariables.AMQP_URL) != null,
                    () -> new ServiceEndpoints.Amqp(URI.create(env.get(EndpointVariables.AMQP_URL))),
                    standIns::amqpBroker,
                    a -> "amqp " + redactPassword(a.uri()));
            ServiceEndpoints.Mail mail = resolution.resolve(
                    env.get(EndpointVariables.SMTP_HOST) != null,
                    () -> externalMail(env),
                    standIns::mailServer,
                    m -> "mail smtp://" + m.smtpHost() + ":" + m.smtpPort() + " imap://" + m.imapHost() + ":"
                            + m.imapPort());
            ServiceEndpoints.Keycloak keycloak = resolution.resolve(
                    env.get(EndpointVariables.KEYCLOAK_URL) != null,
                    () -> new ServiceEndpoints.Keycloak(
                            URI.create(env.get(EndpointVariables.KEYCLOAK_URL)),
                            env.getOrDefault(EndpointVariables.KEYCLOAK_ADMIN_USER, "admin"),
                            env.getOrDefault(EndpointVariables.KEYCLOAK_ADMIN_PASSWORD, "admin")),
                    () -> standIns.keycloak(database),
                    k -> "keycloak " + k.url());
            return new LocalStack(
                    new ServiceEndpoints(database, amqp, keycloak, mail), resolution.descriptions, resolution.started);
        } catch (RuntimeException e) {
            resolution.stopAll();
            throw e;
        }
    }

    private static ServiceEndpoints.Mail externalMail(Map<String, String> env) {
        String smtpHost = env.get(EndpointVariables.SMTP_HOST);
        return new ServiceEndpoints.Mail(
                smtpHost,
                StackSettings.port(env, EndpointVariables.SMTP_PORT, 25),
                env.getOrDefault(EndpointVariables.IMAP_HOST, smtpHost),
                StackSettings.port(env, EndpointVariables.IMAP_PORT, 143));
    }

    private static String redactPassword(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }

    public ServiceEndpoints endpoints() {
        return endpoints;
    }

    /** One line per service: what it is, where it is, and whether it is external or a stand-in. */
    public List<String> descriptions() {
        return descriptions;
    }

    /** Whether this stack started anything (false when every service is external). */
    public boolean startedStandIns() {
        return !started.isEmpty();
    }

    @Override
    public void close() {
        stopNewestFirst(started);
    }

    private static void stopNewestFirst(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("A stand-in did not stop cleanly: {}", next, e);
            }
        }
    }

    private static final class Resolution {
        private final List<String> descriptions = new ArrayList<>();
        private final Deque<AutoCloseable> started = new ArrayDeque<>();

        <E> E resolve(
                boolean external,
                Supplier<E> fromEnvironment,
                Supplier<StandIns.Started<E>> standIn,
                Function<E, String> describe) {
            if (external) {
                E endpoint = fromEnvironment.get();
                descriptions.add(describe.apply(endpoint) + " (external)");
                return endpoint;
            }
            StandIns.Started<E> running = standIn.get();
            started.push(running.stopper());
            descriptions.add(running.description() + " (stand-in)");
            return running.endpoint();
        }

        void stopAll() {
            stopNewestFirst(started);
        }
    }
}
