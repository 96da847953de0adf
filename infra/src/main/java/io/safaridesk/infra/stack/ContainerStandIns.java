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
 *
 * <p>With {@value #SHARED_NETWORK} naming an existing network, the containers join it instead and are declared
 * reusable (Testcontainers' reuse, which the caller turns on with {@code TESTCONTAINERS_REUSE_ENABLE=true}): the test
 * JVMs of one build (one per module) then share one set, as they share the machine's services in CI's stack stage,
 * instead of each waiting for its own Keycloak to create its schema. Nothing stops them then: the caller removes them
 * by the label {@value #RUN_LABEL} (the network's name), then the network.
 */
final class ContainerStandIns implements StandIns {

    private static final String POSTGRES_ALIAS = "postgres";
    private static final String KEYCLOAK_ADMIN = "admin";
    // a first start creates Keycloak's schema: minutes on a busy machine (measured here: up to 9 under heavy load)
    private static final Duration KEYCLOAK_START_TIMEOUT = Duration.ofMinutes(10);
    // the modules' default is 60 s; on a loaded machine PostgreSQL took 57 s and RabbitMQ more than 60 s (measured)
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(5);

    static final String SHARED_NETWORK = "SAFARIDESK_CONTAINER_NETWORK";
    static final String RUN_LABEL = "io.safaridesk.container-network";

    private final ContainerImages images;
    private final String keycloakDatabase;
    private final String sharedNetwork;
    private Network network;
    private boolean postgresHere;

    private ContainerStandIns(ContainerImages images, String keycloakDatabase, String sharedNetwork) {
        this.images = images;
        this.keycloakDatabase = keycloakDatabase;
        this.sharedNetwork = sharedNetwork;
    }

    private Network network() {
        if (network == null) {
            network = shared() ? new ExistingNetwork(sharedNetwork) : Network.newNetwork();
        }
        return network;
    }

    /** A shared container carries the network's name as a label: the caller removes what carries it. */
    private void shareable(GenericContainer<?> container) {
        if (shared()) {
            container.withLabel(RUN_LABEL, sharedNetwork);
        }
    }

    private boolean shared() {
        return sharedNetwork != null;
    }

    /** Stops a container unless it is shared with the build's other test JVMs. */
    private AutoCloseable stopping(AutoCloseable stop) {
        return shared() ? () -> {} : stop;
    }

    static ContainerStandIns requireDocker(Map<String, String> env, StackSettings settings) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(EndpointVariables.STACK_MODE
                    + "=testcontainers needs a Docker-compatible engine, and none answers here (for podman: `podman"
                    + " system service --time=0 unix://<socket>` and DOCKER_HOST=unix://<socket>). Unset it to use"
                    + " the embedded stand-ins.");
        }
        String sharedNetwork = env.get(SHARED_NETWORK);
        return new ContainerStandIns(
                ContainerImages.fromEnvironment(env),
                settings.keycloakDatabase(),
                sharedNetwork == null || sharedNetwork.isBlank() ? null : sharedNetwork.strip());
    }

    @Override
    public Started<ServiceEndpoints.Database> postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(images.postgres())
                .withDatabaseName(EmbeddedStandIns.SAFARIDESK_DATABASE)
                .withNetwork(network())
                .withNetworkAliases(POSTGRES_ALIAS)
                .withStartupTimeout(SERVICE_START_TIMEOUT)
                .withReuse(shared());
        shareable(postgres);
        postgres.start();
        ServiceEndpoints.Database database =
                new ServiceEndpoints.Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        postgresHere = true;
        Network started = network;
        return new Started<>(
                database, "postgres " + postgres.getJdbcUrl() + " (" + images.postgres() + ")", stopping(() -> {
                    postgres.stop();
                    started.close();
                }));
    }

    @Override
    public Started<ServiceEndpoints.Amqp> amqpBroker() {
        RabbitMQContainer rabbit = new RabbitMQContainer(images.rabbitmq())
                .withStartupTimeout(SERVICE_START_TIMEOUT)
                .withReuse(shared());
        shareable(rabbit);
        rabbit.start();
        URI uri = URI.create("amqp://" + rabbit.getAdminUsername() + ":" + rabbit.getAdminPassword() + "@"
                + rabbit.getHost() + ":" + rabbit.getAmqpPort());
        return new Started<>(
                new ServiceEndpoints.Amqp(uri),
                "amqp " + rabbit.getAmqpUrl() + " (" + images.rabbitmq() + ")",
                stopping(rabbit::stop));
    }

    @Override
    public Started<ServiceEndpoints.Mail> mailServer() {
        GenericContainer<?> mail = new GenericContainer<>(images.mail())
                .withEnv(
                        "GREENMAIL_OPTS",
                        "-Dgreenmail.setup.test.all -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
                .withExposedPorts(3025, 3143)
                .waitingFor(Wait.forListeningPorts(3025, 3143).withStartupTimeout(SERVICE_START_TIMEOUT))
                .withReuse(shared());
        shareable(mail);
        mail.start();
        ServiceEndpoints.Mail endpoint = new ServiceEndpoints.Mail(
                mail.getHost(), mail.getMappedPort(3025), mail.getHost(), mail.getMappedPort(3143));
        return new Started<>(endpoint, "mail (" + images.mail() + ")", stopping(mail::stop));
    }

    /**
     * Keycloak as in production ({@code start} on PostgreSQL), on its own database: in the PostgreSQL container when
     * this class started it (reached over their network), else on the server {@code database} names, which must then
     * be reachable from a container.
     */
    @Override
    public Started<ServiceEndpoints.Keycloak> keycloak(ServiceEndpoints.Database database) {
        PostgresDatabases.createIfMissing(database, keycloakDatabase);
        ServiceEndpoints.Database fromContainer = !postgresHere
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
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(KEYCLOAK_START_TIMEOUT))
                .withReuse(shared());
        if (network != null) {
            keycloak.withNetwork(network);
        }
        shareable(keycloak);
        keycloak.start();
        URI url = URI.create("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080));
        return new Started<>(
                new ServiceEndpoints.Keycloak(url, KEYCLOAK_ADMIN, KEYCLOAK_ADMIN),
                "keycloak " + url + " on database " + keycloakDatabase + " (" + images.keycloak() + ")",
                stopping(keycloak::stop));
    }

    /** A network the caller created (by name); closing it is the caller's business. */
    private record ExistingNetwork(String getId) implements Network {

        @Override
        public void close() {}
    }
}
