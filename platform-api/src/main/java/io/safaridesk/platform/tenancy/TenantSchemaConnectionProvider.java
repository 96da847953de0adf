package io.safaridesk.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose {@code search_path} is the tenant's schema. Releasing it costs nothing: the
 * {@link SchemaGuardedDataSource} sets the schema of whoever checks the connection out next, so a pooled connection can
 * never leak one tenant's data to the next user.
 */
final class TenantSchemaConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** No such schema exists: an unqualified table name fails instead of reaching {@code public}. */
    static final String NO_TENANT_SCHEMA = SchemaGuardedDataSource.NO_TENANT_SCHEMA;

    private final transient SchemaGuardedDataSource dataSource;

    TenantSchemaConnectionProvider(SchemaGuardedDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String schema) throws SQLException {
        if (NO_TENANT_SCHEMA.equals(schema)) {
            throw new TenantContext.NoTenantInContext();
        }
        return dataSource.forSchema(schema);
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException("Cannot unwrap as " + type);
    }
}
