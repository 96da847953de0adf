package io.safaridesk.infra.stack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the external services of SafariDesk are reached. Every service, the local stack and the tests read these from the
 * same {@code SAFARIDESK_*} environment variables (see {@link EndpointVariables}).
 */
public record ServiceEndpoints(Database database, Amqp amqp, Keycloak keycloak, Mail mail) {

    public ServiceEndpoints {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(amqp, "amqp");
        Objects.requireNonNull(keycloak, "keycloak");
        Objects.requireNonNull(mail, "mail");
    }

    /** A PostgreSQL database reached through JDBC. */
    public record Database(String jdbcUrl, String user, String password) {
        public Database {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException(
                        EndpointVariables.DB_URL + " must be a jdbc:postgresql:// URL, was: " + jdbcUrl);
            }
            Objects.requireNonNull(user, "user");
            password = password == null ? "" : password;
        }
    }

    /** An AMQP 0-9-1 broker, as an {@code amqp://user:password@host:port/vhost} URI. */
    public record Amqp(URI uri) {
        public Amqp {
            if (uri == null || !"amqp".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        EndpointVariables.AMQP_URL + " must be an amqp://user:password@host:port URI, was: " + uri);
            }
        }
    }

    /** A Keycloak server (one realm cell), with the credentials of its master-realm administrator. */
    public record Keycloak(URI url, String adminUser, String adminPassword) {
        public Keycloak {
            if (url == null || url.getHost() == null || !url.getScheme().startsWith("http")) {
                throw new IllegalArgumentException(
                        EndpointVariables.KEYCLOAK_URL + " must be an http(s):// URL, was: " + url);
            }
            Objects.requireNonNull(adminUser, "adminUser");
            Objects.requireNonNull(adminPassword, "adminPassword");
        }
    }

    /** An SMTP server for outgoing mail and an IMAP server for incoming mail. */
    public record Mail(String smtpHost, int smtpPort, String imapHost, int imapPort) {
        public Mail {
            Objects.requireNonNull(smtpHost, "smtpHost");
            Objects.requireNonNull(imapHost, "imapHost");
            Ports.requireValid(smtpPort, EndpointVariables.SMTP_PORT);
            Ports.requireValid(imapPort, EndpointVariables.IMAP_PORT);
        }
    }

    /** These endpoints as the environment variables that the services read. */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EndpointVariables.DB_URL, database.jdbcUrl());
        env.put(EndpointVariables.DB_USER, database.user());
        env.put(EndpointVariables.DB_PASSWORD, database.password());
        env.put(EndpointVariables.AMQP_URL, amqp.uri().toString());
        env.put(EndpointVariables.KEYCLOAK_URL, keycloak.url().toString());
        env.put(EndpointVariables.KEYCLOAK_ADMIN_USER, keycloak.adminUser());
        env.put(EndpointVariables.KEYCLOAK_ADMIN_PASSWORD, keycloak.adminPassword());
        env.put(EndpointVariables.SMTP_HOST, mail.smtpHost());
        env.put(EndpointVariables.SMTP_PORT, Integer.toString(mail.smtpPort()));
        env.put(EndpointVariables.IMAP_HOST, mail.imapHost());
        env.put(EndpointVariables.IMAP_PORT, Integer.toString(mail.imapPort()));
        return env;
    }
}
