package io.safaridesk.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsUnitTests {

    @Test
    void defaultsToWellKnownPortsAndAFolderInTheHomeDirectory() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        assertThat(settings.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".safaridesk"));
        assertThat(settings.cache()).isEqualTo(settings.home().resolve("cache"));
        assertThat(settings.mode()).isEqualTo(StackSettings.StandInMode.EMBEDDED);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.keycloakPort()).isEqualTo(8180);
    }

    @Test
    void takesFolderPortsAndModeFromTheEnvironment() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of(
                "SAFARIDESK_HOME", "/srv/sd",
                "SAFARIDESK_EMBEDDED_DB_PORT", "25432",
                "SAFARIDESK_STACK", "TestContainers"));

        assertThat(settings.home()).isEqualTo(Path.of("/srv/sd"));
        assertThat(settings.cache()).isEqualTo(Path.of("/srv/sd/cache"));
        assertThat(settings.postgresPort()).isEqualTo(25432);
        assertThat(settings.mode()).isEqualTo(StackSettings.StandInMode.TESTCONTAINERS);
    }

    @Test
    void refusesBadPortsAndModesNamingTheVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("SAFARIDESK_EMBEDDED_DB_PORT", "70000")))
                .hasMessageContaining("SAFARIDESK_EMBEDDED_DB_PORT");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("SAFARIDESK_EMBEDDED_SMTP_PORT", "smtp")))
                .hasMessageContaining("SAFARIDESK_EMBEDDED_SMTP_PORT");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("SAFARIDESK_STACK", "docker")))
                .hasMessageContaining("SAFARIDESK_STACK");
    }

    @Test
    void giveEachEphemeralStackFreePorts() {
        StackSettings settings = StackSettings.ephemeral(Path.of("/tmp/x"), Map.of());

        assertThat(Ports.isFree(settings.postgresPort())).isTrue();
        assertThat(settings.home()).isEqualTo(Path.of("/tmp/x"));
    }
}
