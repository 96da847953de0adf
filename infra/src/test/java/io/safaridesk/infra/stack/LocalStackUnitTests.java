package io.safaridesk.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackUnitTests {

    private static final Map<String, String> EVERYTHING_EXTERNAL = Map.of(
            "SAFARIDESK_DB_URL", "jdbc:postgresql://db.example:5432/sd",
            "SAFARIDESK_DB_USER", "sd",
            "SAFARIDESK_DB_PASSWORD", "secret",
            "SAFARIDESK_AMQP_URL", "amqp://u:p@mq.example:5672",
            "SAFARIDESK_KEYCLOAK_URL", "https://id.example",
            "SAFARIDESK_KEYCLOAK_ADMIN_USER", "root",
            "SAFARIDESK_KEYCLOAK_ADMIN_PASSWORD", "pw",
            "SAFARIDESK_SMTP_HOST", "smtp.example",
            "SAFARIDESK_SMTP_PORT", "2525",
            "SAFARIDESK_IMAP_PORT", "1143");

    private final RecordingStandIns standIns = new RecordingStandIns();

    @Test
    void usesEveryVariableAsGivenAndStartsNothing() {
        try (LocalStack stack = LocalStack.start(EVERYTHING_EXTERNAL, standIns)) {
            ServiceEndpoints endpoints = stack.endpoints();

            assertThat(endpoints.database())
                    .isEqualTo(new ServiceEndpoints.Database("jdbc:postgresql://db.example:5432/sd", "sd", "secret"));
            assertThat(endpoints.amqp().uri()).isEqualTo(URI.create("amqp://u:p@mq.example:5672"));
            assertThat(endpoints.keycloak())
                    .isEqualTo(new ServiceEndpoints.Keycloak(URI.create("https://id.example"), "root", "pw"));
            assertThat(endpoints.mail())
                    .isEqualTo(new ServiceEndpoints.Mail("smtp.example", 2525, "smtp.example", 1143));
            assertThat(stack.startedStandIns()).isFalse();
            assertThat(standIns.started).isEmpty();
            assertThat(stack.descriptions()).allMatch(line -> line.endsWith("(external)"));
            assertThat(String.join("\n", stack.descriptions())).doesNotContain("u:p@");
        }
    }

    @Test
    void startsAStandInForEachServiceNoVariableNames() {
        Map<String, String> onlyDatabase = Map.of("SAFARIDESK_DB_URL", "jdbc:postgresql://db.example/sd");

        try (LocalStack stack = LocalStack.start(onlyDatabase, standIns)) {
            assertThat(standIns.started).containsExactly("amqp", "mail", "keycloak");
            assertThat(standIns.keycloakDatabase.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/sd");
            assertThat(stack.endpoints().mail().smtpPort()).isEqualTo(3025);
            assertThat(stack.endpoints().database().user()).isEqualTo("postgres");
        }
    }

    @Test
    void stopsStandInsNewestFirst() {
        LocalStack.start(Map.of(), standIns).close();

        assertThat(standIns.stopped).containsExactly("keycloak", "mail", "amqp", "postgres");
    }

    @Test
    void stopsWhatItStartedWhenALaterStandInFails() {
        standIns.failOn = "keycloak";

        assertThatThrownBy(() -> LocalStack.start(Map.of(), standIns)).hasMessageContaining("keycloak refused");
        assertThat(standIns.stopped).containsExactly("mail", "amqp", "postgres");
    }

    @Test
    void namesTheVariableOfAMalformedEndpoint() {
        assertThatThrownBy(() -> LocalStack.start(Map.of("SAFARIDESK_DB_URL", "mysql://x"), standIns))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SAFARIDESK_DB_URL");
        assertThatThrownBy(() -> LocalStack.start(Map.of("SAFARIDESK_AMQP_URL", "http://x"), standIns))
                .hasMessageContaining("SAFARIDESK_AMQP_URL");
        assertThatThrownBy(() -> LocalStack.start(
                        Map.of("SAFARIDESK_SMTP_HOST", "smtp.example", "SAFARIDESK_SMTP_PORT", "many"), standIns))
                .hasMessageContaining("SAFARIDESK_SMTP_PORT");
    }

    @Test
    void exportsEndpointsAsTheVariablesTheServicesRead() {
        try (LocalStack stack = LocalStack.start(EVERYTHING_EXTERNAL, standIns)) {
            assertThat(stack.endpoints().asEnvironment())
                    .containsKeys(EndpointVariables.ALL.toArray(String[]::new))
                    .containsEntry("SAFARIDESK_SMTP_PORT", "2525")
                    .containsEntry("SAFARIDESK_IMAP_HOST", "smtp.example");
        }
    }

    private static final class RecordingStandIns implements StandIns {
        final List<String> started = new ArrayList<>();
        final List<String> stopped = new ArrayList<>();
        String failOn = "";
        ServiceEndpoints.Database keycloakDatabase;

        private <E> Started<E> start(String name, E endpoint) {
            if (failOn.equals(name)) {
                throw new IllegalStateException(name + " refused to start");
            }
            started.add(name);
            return new Started<>(endpoint, name, () -> stopped.add(name));
        }

        @Override
        public Started<ServiceEndpoints.Database> postgres() {
            return start("postgres", new ServiceEndpoints.Database("jdbc:postgresql://127.0.0.1:1/sd", "postgres", ""));
        }

        @Override
        public Started<ServiceEndpoints.Amqp> amqpBroker() {
            return start("amqp", new ServiceEndpoints.Amqp(URI.create("amqp://guest:guest@127.0.0.1:2")));
        }

        @Override
        public Started<ServiceEndpoints.Mail> mailServer() {
            return start("mail", new ServiceEndpoints.Mail("127.0.0.1", 3025, "127.0.0.1", 3143));
        }

        @Override
        public Started<ServiceEndpoints.Keycloak> keycloak(ServiceEndpoints.Database database) {
            keycloakDatabase = database;
            return start("keycloak", new ServiceEndpoints.Keycloak(URI.create("http://127.0.0.1:4"), "admin", "admin"));
        }
    }
}
