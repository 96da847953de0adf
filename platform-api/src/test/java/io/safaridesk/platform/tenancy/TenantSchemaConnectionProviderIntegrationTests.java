package io.safaridesk.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.testing.WireStatements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schema routing on a real PostgreSQL, through a small pool shared by two workspaces and plain (no tenant) users. */
class TenantSchemaConnectionProviderIntegrationTests {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final TenantSlug acme = TenantSlug.of("acme-" + suffix);
    private final TenantSlug globex = TenantSlug.of("globex-" + suffix);
    private HikariDataSource pool;
    private SchemaGuardedDataSource guarded;
    private TenantSchemas schemas;
    private TenantSchemaConnectionProvider provider;

    @BeforeEach
    void twoWorkspacesWithTheirOwnRows() throws SQLException {
        pool = pool(1);
        guarded = new SchemaGuardedDataSource(pool);
        schemas = new TenantSchemas(guarded);
        provider = new TenantSchemaConnectionProvider(guarded);
        for (TenantSlug tenant : new TenantSlug[] {acme, globex}) {
            schemas.create(tenant);
            try (Connection connection = provider.getConnection(tenant.schemaName())) {
                connection.createStatement().execute("create table secrets(owner text)");
                connection.createStatement().execute("insert into secrets values ('" + tenant.value() + "')");
            }
        }
    }

    private static HikariDataSource pool(int size) {
        ServiceEndpoints.Database database = TestServices.endpoints().database();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(size);
        pool.setSchema(TenantSchemaConnectionProvider.NO_TENANT_SCHEMA); // as safaridesk-platform.yml configures it
        return pool;
    }

    @AfterEach
    void dropThem() {
        schemas.drop(acme);
        schemas.drop(globex);
        pool.close();
    }

    @Test
    void eachCheckoutSeesOnlyItsWorkspaceAndAReleasedConnectionSeesNone() throws SQLException {
        for (int round = 0; round < 3; round++) {
            for (TenantSlug tenant : new TenantSlug[] {acme, globex}) {
                Connection connection = provider.getConnection(tenant.schemaName());
                assertThat(owners(connection)).isEqualTo(tenant.value());
                provider.releaseConnection(tenant.schemaName(), connection);
            }
        }

        Connection any = provider.getAnyConnection();
        assertThatThrownBy(() -> owners(any)).hasMessageContaining("does not exist");
        provider.releaseAnyConnection(any);
    }

    @Test
    void aConnectionReturnedToThePoolCarriesNoWorkspaceToItsNextUser() throws SQLException {
        Connection connection = provider.getConnection(acme.schemaName());
        provider.releaseConnection(acme.schemaName(), connection);

        try (Connection next = guarded.getConnection()) {
            // current_schema() is null: the search path names no schema that exists, not even public
            assertThat(next.getSchema()).isNull();
            assertThatThrownBy(() -> owners(next)).hasMessageContaining("does not exist");
        }
        Connection other = provider.getConnection(globex.schemaName());
        assertThat(owners(other)).isEqualTo(globex.value());
        provider.releaseConnection(globex.schemaName(), other);
    }

    @Test
    void setsTheSchemaWithOneStatementOnlyWhenItChangesAndNothingOnRelease() throws SQLException {
        Thread me = Thread.currentThread();
        try (WireStatements wire = WireStatements.recording(thread -> thread == me)) {
            Connection first = provider.getConnection(acme.schemaName());
            provider.releaseConnection(acme.schemaName(), first);
            assertThat(wire.statements()).containsExactly("set search_path to " + acme.schemaName());

            wire.reset();
            Connection again = provider.getConnection(acme.schemaName());
            provider.releaseConnection(acme.schemaName(), again);
            assertThat(wire.statements()).isEmpty();

            Connection other = provider.getConnection(globex.schemaName());
            provider.releaseConnection(globex.schemaName(), other);
            guarded.getConnection().close();
            assertThat(wire.statements())
                    .containsExactly(
                            "set search_path to " + globex.schemaName(),
                            "set search_path to " + TenantSchemaConnectionProvider.NO_TENANT_SCHEMA);
        }
    }

    @Test
    void refusesAnythingButASchemaNameAndLeavesTheNextUserWithoutWorkspace() throws SQLException {
        Connection connection = provider.getConnection(acme.schemaName());
        provider.releaseConnection(acme.schemaName(), connection);

        assertThatThrownBy(() -> guarded.forSchema("t_x; drop schema public"))
                .isInstanceOf(IllegalArgumentException.class);
        try (Connection next = guarded.getConnection()) {
            assertThatThrownBy(() -> owners(next)).hasMessageContaining("does not exist");
        }
    }

    @Test
    void concurrentCheckoutsForTwoWorkspacesAndPlainUsersNeverSeeAnotherSchema() throws Exception {
        try (HikariDataSource shared = pool(2);
                ExecutorService threads = Executors.newFixedThreadPool(4)) {
            SchemaGuardedDataSource sharedGuard = new SchemaGuardedDataSource(shared);
            TenantSchemaConnectionProvider sharedProvider = new TenantSchemaConnectionProvider(sharedGuard);
            List<Future<Integer>> checks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                checks.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 150; i++) {
                        int pick = random.nextInt(3);
                        if (pick == 2) {
                            try (Connection plain = sharedGuard.getConnection()) {
                                assertThatThrownBy(() -> owners(plain)).hasMessageContaining("does not exist");
                            }
                            continue;
                        }
                        TenantSlug tenant = pick == 0 ? acme : globex;
                        Connection connection = sharedProvider.getConnection(tenant.schemaName());
                        try {
                            assertThat(owners(connection)).isEqualTo(tenant.value());
                        } finally {
                            sharedProvider.releaseConnection(tenant.schemaName(), connection);
                        }
                    }
                    return 150;
                }));
            }
            for (Future<Integer> check : checks) {
                assertThat(check.get()).isEqualTo(150);
            }
        }
    }

    private static String owners(Connection connection) throws SQLException {
        ResultSet rows = connection.createStatement().executeQuery("select owner from secrets");
        rows.next();
        return rows.getString(1);
    }
}
