package io.safaridesk.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schema routing on a real PostgreSQL, through a pool of one connection shared by two workspaces. */
class TenantSchemaConnectionProviderIntegrationTests {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final TenantSlug acme = TenantSlug.of("acme-" + suffix);
    private final TenantSlug globex = TenantSlug.of("globex-" + suffix);
    private HikariDataSource pool;
    private TenantSchemas schemas;
    private TenantSchemaConnectionProvider provider;

    @BeforeEach
    void twoWorkspacesWithTheirOwnRows() throws SQLException {
        ServiceEndpoints.Database database = TestServices.endpoints().database();
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(1);
        pool.setSchema(TenantSchemaConnectionProvider.NO_TENANT_SCHEMA); // as safaridesk-platform.yml configures it
        schemas = new TenantSchemas(pool);
        provider = new TenantSchemaConnectionProvider(pool);
        for (TenantSlug tenant : new TenantSlug[] {acme, globex}) {
            schemas.create(tenant);
            try (Connection connection = provider.getConnection(tenant.schemaName())) {
                connection.createStatement().execute("create table secrets(owner text)");
                connection.createStatement().execute("insert into secrets values ('" + tenant.value() + "')");
            }
        }
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
    void aConnectionReturnedToThePoolCarriesNoWorkspace() throws SQLException {
        Connection connection = provider.getConnection(acme.schemaName());
        provider.releaseConnection(acme.schemaName(), connection);

        try (Connection next = pool.getConnection()) {
            // current_schema() is null: the search path names no schema that exists, not even public
            assertThat(next.getSchema()).isNull();
            assertThatThrownBy(() -> owners(next)).hasMessageContaining("does not exist");
        }
    }

    private static String owners(Connection connection) throws SQLException {
        ResultSet rows = connection.createStatement().executeQuery("select owner from secrets");
        rows.next();
        return rows.getString(1);
    }
}
