package io.safaridesk.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresDatabasesUnitTests {

    @Test
    void swapsTheDatabaseKeepingServerAndParameters() {
        var database = new ServiceEndpoints.Database("jdbc:postgresql://h:5432/sd?ssl=true", "u", "p");

        assertThat(PostgresDatabases.withDatabase(database, "keycloak").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/keycloak?ssl=true");
        assertThat(PostgresDatabases.withDatabase(new ServiceEndpoints.Database("jdbc:postgresql://h", "u", "p"), "kc")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/kc");
    }

    @Test
    void refusesNamesThatCouldInjectSql() {
        var database = new ServiceEndpoints.Database("jdbc:postgresql://h/sd", "u", "p");

        assertThatThrownBy(() -> PostgresDatabases.withDatabase(database, "x; drop database sd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
