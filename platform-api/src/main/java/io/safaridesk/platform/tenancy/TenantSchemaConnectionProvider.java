package io.safaridesk.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose {@code search_path} is the tenant's schema, and resets it on release to a
 * schema that holds nothing, so that a pooled connection can never leak one tenant's data to the next user.
 */
final class TenantSchemaConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** No such schema exists: an unqualified table name fails instead of reaching {@code public}. */
    static final String NO_TENANT_SCHEMA = "no_tenant_in_context";

    private final transient DataSource dataSource;

    TenantSchemaConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setSchema(NO_TENANT_SCHEMA);
        return connection;
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
        Connection connection = dataSource.getConnection();
        try {
            connection.setSchema(schema);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        try {
            connection.setSchema(NO_TENANT_SCHEMA);
        } finally {
            connection.close();
        }
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
