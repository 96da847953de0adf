package io.safaridesk.infra.stack;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** Stand-ins as containers (Testcontainers), for machines with a Docker engine that ask for them. */
final class ContainerStandIns implements StandIns {

    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";
    private static final String GREENMAIL_IMAGE = "greenmail/standalone:2.1.8";

    static ContainerStandIns requireDocker() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(EndpointVariables.STACK_MODE
                    + "=testcontainers needs a running Docker engine, and none answers here. Unset it to use the"
                    + " embedded stand-ins.");
        }
        return new ContainerStandIns();
    }

    @Override
    public Started<ServiceEndpoints.Database> postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("safaridesk");
        postgres.start();
        ServiceEndpoints.Database database =
                new ServiceEndpoints.Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        return new Started<>(database, "postgres " + postgres.getJdbcUrl() + " (container)", postgres::stop);
    }

    @Override
    public Started<ServiceEndpoints.Amqp> amqpBroker() {
        RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4-management-alpine");
        rabbit.start();
        URI uri = URI.create("amqp://guest:guest@" + rabbit.getHost() + ":" + rabbit.getAmqpPort());
        return new Started<>(
                new ServiceEndpoints.Amqp(uri), "amqp " + rabbit.getAmqpUrl() + " (container)", rabbit::stop);
    }

    @Override
    public Started<ServiceEndpoints.Mail> mailServer() {
        GenericContainer<?> mail = new GenericContainer<>(GREENMAIL_IMAGE)
                .withEnv(
                        "GREENMAIL_OPTS",
                        "-Dgreenmail.setup.test.all -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
                .withExposedPorts(3025, 3143)
                .waitingFor(Wait.forListeningPorts(3025, 3143));
        mail.start();
        ServiceEndpoints.Mail endpoint = new ServiceEndpoints.Mail(
                mail.getHost(), mail.getMappedPort(3025), mail.getHost(), mail.getMappedPort(3143));
        return new Started<>(endpoint, "mail (container)", mail::stop);
    }

    @Override
    public Started<ServiceEndpoints.Keycloak> keycloak(ServiceEndpoints.Database database) {
        GenericContainer<?> keycloak = new GenericContainer<>(KEYCLOAK_IMAGE)
                .withCommand("start-dev", "--health-enabled=true")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withExposedPorts(8080, 9000)
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000));
        keycloak.start();
        URI url = URI.create("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080));
        return new Started<>(
                new ServiceEndpoints.Keycloak(url, "admin", "admin"),
                "keycloak " + url + " (container)",
                keycloak::stop);
    }
}
