package io.safaridesk.infra.stack;

import java.util.List;

/** Stand-ins that need nothing but a JDK 21+: embedded PostgreSQL, Qpid, GreenMail and the Keycloak dist. */
final class EmbeddedStandIns implements StandIns {

    static final String SAFARIDESK_DATABASE = "safaridesk";
    static final String KEYCLOAK_ADMIN = "admin";

    private final StackSettings settings;

    EmbeddedStandIns(StackSettings settings) {
        this.settings = settings;
    }

    @Override
    public Started<ServiceEndpoints.Database> postgres() {
        Ports.requireFree(settings.postgresPort(), "embedded PostgreSQL", StackSettings.POSTGRES_PORT);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                settings.home().resolve("postgres"), settings.postgresPort(), List.of(SAFARIDESK_DATABASE));
        ServiceEndpoints.Database database = server.database(SAFARIDESK_DATABASE);
        return new Started<>(database, "postgres " + database.jdbcUrl(), server);
    }

    @Override
    public Started<ServiceEndpoints.Amqp> amqpBroker() {
        Ports.requireFree(settings.amqpPort(), "the embedded AMQP broker", StackSettings.AMQP_PORT);
        EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(settings.home().resolve("amqp"), settings.amqpPort());
        return new Started<>(broker.endpoint(), "amqp amqp://127.0.0.1:" + settings.amqpPort(), broker);
    }

    @Override
    public Started<ServiceEndpoints.Mail> mailServer() {
        Ports.requireFree(settings.smtpPort(), "the embedded SMTP server", StackSettings.SMTP_PORT);
        Ports.requireFree(settings.imapPort(), "the embedded IMAP server", StackSettings.IMAP_PORT);
        EmbeddedMailServer mail = EmbeddedMailServer.start(settings.smtpPort(), settings.imapPort());
        return new Started<>(
                mail.endpoint(),
                "mail smtp://127.0.0.1:" + settings.smtpPort() + " imap://127.0.0.1:" + settings.imapPort(),
                mail);
    }

    @Override
    public Started<ServiceEndpoints.Keycloak> keycloak(ServiceEndpoints.Database database) {
        Ports.requireFree(settings.keycloakPort(), "embedded Keycloak", StackSettings.KEYCLOAK_PORT);
        Ports.requireFree(
                settings.keycloakManagementPort(),
                "embedded Keycloak's management interface",
                StackSettings.KEYCLOAK_MANAGEMENT_PORT);
        PostgresDatabases.createIfMissing(database, settings.keycloakDatabase());
        KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Settings(
                settings.cache(),
                settings.logs().resolve("keycloak.log"),
                settings.keycloakPort(),
                settings.keycloakManagementPort(),
                PostgresDatabases.withDatabase(database, settings.keycloakDatabase()),
                KEYCLOAK_ADMIN,
                KEYCLOAK_ADMIN));
        return new Started<>(
                keycloak.endpoint(), "keycloak " + keycloak.endpoint().url(), keycloak);
    }
}
