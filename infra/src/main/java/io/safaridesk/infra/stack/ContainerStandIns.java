package io.safaridesk.infra.stack;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Stand-ins as containers (Testcontainers) on any Docker-compatible engine, podman's included: PostgreSQL, RabbitMQ,
 * GreenMail, and Keycloak in production mode ({@code start}) on its own database in that PostgreSQL, reached over a
 * network of their own. Images come from {@link ContainerImages}.
 */
final class ContainerStandIns implements StandIns {

    private static final String POSTGRES_ALIAS = "postgres";
    private static final String KEYCLOAK_ADMIN = "admin";
    // a first start creates Keycloak's schema: minutes on a busy machine (measured here: up to 9 under heavy load)
    private static final Duration KEYCLOAK_START_TIMEOUT = Duration.ofMinutes(10);

    private final ContainerImages images;
    private final String keycloakDatabase;
    private Network network;

    private ContainerStandIns(ContainerImages images, String keycloakDatabase) {
        this.images = images;
        this.keycloakDatabase = keycloakDatabase;
    }

    static ContainerStandIns requireDocker(Map<String, String> env, StackSettings settings) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(EndpointVariables.STACK_MODE
                    + "=testcontainers needs a Docker-compatible engine, and none answers here (for podman: `podman"
                    + " system service --time=0 unix://<socket>` and DOCKER_HOST=unix://<socket>). Unset it to use"
                    + " the embedded stand-ins.");
        }
        return new ContainerStandIns(ContainerImages.fromEnvironment(env), settings.keycloakDatabase());
    }

    @Override
    public Started<ServiceEndpoints.Database> postgres() {
        network = Network.newNetwork();
        PostgreSQLContainer postgres = new PostgreSQLContainer(images.postgres())
                .withDatabaseName(EmbeddedStandIns.SAFARIDESK_DATABASE)
                .withNetwork(network)
                .withNetworkAliases(POSTGRES_ALIAS);
        postgres.start();
        ServiceEndpoints.Database database =
                new ServiceEndpoints.Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        Network started = network;
        return new Started<>(database, "postgres " + postgres.getJdbcUrl() + " (" + images.postgres() + ")", () -> {
            postgres.stop();
            started.close();
        });
    }

    @Override
    public Started<ServiceEndpoints.Amqp> amqpBroker() {
        RabbitMQContainer rabbit = new RabbitMQContainer(images.rabbitmq());
        rabbit.start();
        URI uri = URI.create("amqp://" + rabbit.getAdminUsername() + ":" + rabbit.getAdminPassword() + "@"
                + rabbit.getHost() + ":" + rabbit.getAmqpPort());
        return new Started<>(
                new ServiceEndpoints.Amqp(uri),
                "amqp " + rabbit.getAmqpUrl() + " (" + images.rabbitmq() + ")",
                rabbit::stop);
    }

    @Override
    public Started<ServiceEndpoints.Mail> mailServer() {
        GenericContainer<?> mail = new GenericContainer<>(images.mail())
                .withEnv(
                        "GREENMAIL_OPTS",
                        "-Dgreenmail.setup.test.all -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
                .withExposedPorts(3025, 3143)
                .waitingFor(Wait.forListeningPorts(3025, 3143));
        mail.start();
        ServiceEndpoints.Mail endpoint = new ServiceEndpoints.Mail(
                mail.getHost(), mail.getMappedPort(3025), mail.getHost(), mail.getMappedPort(3143));
        return new Started<>(endpoint, "mail (" + images.mail() + ")", mail::stop);
    }

    /**
     * Keycloak as in production ({@code start} on PostgreSQL), on its own database: in the PostgreSQL container when
     * this class started it (reached over their network), else on the server {@code database} names, which must then
     * be reachable from a container.
     */
    @Override
    public Started<ServiceEndpoints.Keycloak> keycloak(ServiceEndpoints.Database database) {
        PostgresDatabases.createIfMissing(database, keycloakDatabase);
        ServiceEndpoints.Database fromContainer = network == null
                ? PostgresDatabases.withDatabase(database, keycloakDatabase)
                : new ServiceEndpoints.Database(
                        "jdbc:postgresql://" + POSTGRES_ALIAS + ":5432/" + keycloakDatabase,
                        database.user(),
                        database.password());
        GenericContainer<?> keycloak = new GenericContainer<>(images.keycloak())
                .withCommand(
                        "start",
                        "--db=postgres",
                        "--db-url=" + fromContainer.jdbcUrl(),
                        "--db-username=" + fromContainer.user(),
                        "--db-password=" + fromContainer.password(),
                        "--db-pool-max-size=12",
                        "--http-enabled=true",
                        "--hostname-strict=false",
                        "--health-enabled=true")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN)
                .withEnv("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m")
                .withExposedPorts(8080, 9000)
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(KEYCLOAK_START_TIMEOUT));
        if (network != null) {
            keycloak.withNetwork(network);
        }
        keycloak.start();
        URI url = URI.create("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080));
        return new Started<>(
                new ServiceEndpoints.Keycloak(url, KEYCLOAK_ADMIN, KEYCLOAK_ADMIN),
                "keycloak " + url + " on database " + keycloakDatabase + " (" + images.keycloak() + ")",
                keycloak::stop);
    }
}
