package io.safaridesk.infra.stack;

import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * The images of the container stand-ins: the official ones unless a variable names another, such as a locally built
 * stand-in where no registry is reachable ({@code localhost/postgres:15}), which is then declared a compatible
 * substitute for the official image so that Testcontainers' modules accept it.
 */
record ContainerImages(
        DockerImageName postgres, DockerImageName rabbitmq, DockerImageName keycloak, DockerImageName mail) {

    static final String POSTGRES_IMAGE = "SAFARIDESK_POSTGRES_IMAGE";
    static final String RABBITMQ_IMAGE = "SAFARIDESK_RABBITMQ_IMAGE";
    static final String KEYCLOAK_IMAGE = "SAFARIDESK_KEYCLOAK_IMAGE";
    static final String MAIL_IMAGE = "SAFARIDESK_MAIL_IMAGE";

    static ContainerImages fromEnvironment(Map<String, String> env) {
        return new ContainerImages(
                image(env, POSTGRES_IMAGE, "postgres:16"),
                image(env, RABBITMQ_IMAGE, "rabbitmq:4-management"),
                image(env, KEYCLOAK_IMAGE, "quay.io/keycloak/keycloak:26.5.6"),
                image(env, MAIL_IMAGE, "greenmail/standalone:2.1.8"));
    }

    private static DockerImageName image(Map<String, String> env, String variable, String official) {
        String configured = env.get(variable);
        if (configured == null || configured.isBlank()) {
            return DockerImageName.parse(official);
        }
        return DockerImageName.parse(configured.strip())
                .asCompatibleSubstituteFor(DockerImageName.parse(official).getUnversionedPart());
    }
}
