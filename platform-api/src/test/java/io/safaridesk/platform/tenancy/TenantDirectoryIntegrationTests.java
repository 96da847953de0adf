package io.safaridesk.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry's sweep over active workspaces, on a real PostgreSQL with the platform schema migrated. */
class TenantDirectoryIntegrationTests {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final TenantSlug failing = TenantSlug.of("fail-" + suffix);
    private final TenantSlug healthy = TenantSlug.of("well-" + suffix);
    private final TenantSlug suspended = TenantSlug.of("susp-" + suffix);
    private HikariDataSource pool;
    private JdbcClient jdbc;

    @BeforeEach
    void threeRegisteredWorkspaces() {
        ServiceEndpoints.Database database = TestServices.endpoints().database();
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(2);
        Flyway.configure()
                .dataSource(pool)
                .schemas("platform")
                .locations("classpath:db/platform")
                .load()
                .migrate();
        jdbc = JdbcClient.create(pool);
        register(failing, "ACTIVE");
        register(healthy, "ACTIVE");
        register(suspended, "SUSPENDED");
    }

    @AfterEach
    void unregisterThem() {
        jdbc.sql("delete from platform.tenants where slug like '%-" + suffix + "'")
                .update();
        pool.close();
    }

    @Test
    void eachActiveWorkspaceIsVisitedInItsContextAndOneFailureDoesNotStopTheOthers() {
        List<TenantSlug> visited = new ArrayList<>();

        new TenantDirectory(pool, Clock.systemUTC()).forEachActive("Test sweep", workspace -> {
            assertThat(TenantContext.current()).isEqualTo(workspace);
            visited.add(workspace);
            if (workspace.equals(failing)) {
                throw new IllegalStateException("this workspace's sweep breaks");
            }
        });

        assertThat(visited).contains(failing, healthy).doesNotContain(suspended);
        assertThat(visited.indexOf(healthy)).isGreaterThan(visited.indexOf(failing));
        assertThat(TenantContext.find()).isEmpty();
    }

    private void register(TenantSlug slug, String status) {
        jdbc.sql("insert into platform.tenants (id, slug, business_name, domain, status, admin_email, admin_name,"
                        + " domain_token, keycloak_url, issuer) values (?, ?, 'Test', ?, ?, 'a@b.test', 'A', 'token',"
                        + " 'http://127.0.0.1:1', ?)")
                .params(
                        UUID.randomUUID(),
                        slug.value(),
                        slug.value() + ".test",
                        status,
                        "http://127.0.0.1:1/realms/" + slug.value())
                .update();
    }
}
