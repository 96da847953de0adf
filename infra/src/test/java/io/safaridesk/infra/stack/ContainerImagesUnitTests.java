package io.safaridesk.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

class ContainerImagesUnitTests {

    @Test
    void usesTheOfficialImagesUnlessTheEnvironmentNamesOthers() {
        ContainerImages images = ContainerImages.fromEnvironment(Map.of());

        assertThat(images.postgres().asCanonicalNameString()).isEqualTo("postgres:16");
        assertThat(images.rabbitmq().asCanonicalNameString()).isEqualTo("rabbitmq:4-management");
        assertThat(images.keycloak().asCanonicalNameString()).isEqualTo("quay.io/keycloak/keycloak:26.5.6");
        assertThat(images.mail().asCanonicalNameString()).isEqualTo("greenmail/standalone:2.1.8");
    }

    @Test
    void declaresAConfiguredImageACompatibleSubstituteOfTheOfficialOne() {
        ContainerImages images = ContainerImages.fromEnvironment(Map.of(
                ContainerImages.POSTGRES_IMAGE, "localhost/postgres:15",
                ContainerImages.RABBITMQ_IMAGE, " localhost/rabbitmq:3.10-management ",
                ContainerImages.KEYCLOAK_IMAGE, "localhost/safaridesk/keycloak:0.1.0-SNAPSHOT",
                ContainerImages.MAIL_IMAGE, ""));

        assertThat(images.postgres().asCanonicalNameString()).isEqualTo("localhost/postgres:15");
        assertThat(images.postgres().isCompatibleWith(DockerImageName.parse("postgres")))
                .isTrue();
        assertThat(images.rabbitmq().isCompatibleWith(DockerImageName.parse("rabbitmq")))
                .isTrue();
        assertThat(images.keycloak().isCompatibleWith(DockerImageName.parse("quay.io/keycloak/keycloak")))
                .isTrue();
        assertThat(images.mail().asCanonicalNameString())
                .as("a blank variable means the official image")
                .isEqualTo("greenmail/standalone:2.1.8");
    }
}
