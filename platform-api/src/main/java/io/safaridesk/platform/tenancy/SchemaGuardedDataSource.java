package io.safaridesk.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool as every SafariDesk service sees it: a checked-out connection's {@code search_path} is the caller's
 * workspace ({@link #forSchema}) or, for every other caller ({@link #getConnection()}), a schema that holds nothing.
 *
 * <p>Each physical connection remembers the workspace schema last set on it, so a workspace checkout costs one
 * {@code set search_path} only when the schema changes, and a release costs none: the next checkout, whoever makes it,
 * sets its own schema before the caller sees the connection. A plain checkout always sets the empty schema, and a
 * connection of unknown schema (new, or whose setting failed) is always set.
 * The schema is set with a plain statement, never {@code Connection.setSchema}, which the pool would wrap in a
 * {@code select current_schema()} and a reset on every release.
 */
final class SchemaGuardedDataSource extends DelegatingDataSource {

    /** No such schema exists: an unqualified table name fails instead of reaching {@code public}. */
    static final String NO_TENANT_SCHEMA = "no_tenant_in_context";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Map<Connection, String> schemaOf = Collections.synchronizedMap(new WeakHashMap<>());

    SchemaGuardedDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withSchema(obtainTargetDataSource().getConnection(), NO_TENANT_SCHEMA);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withSchema(obtainTargetDataSource().getConnection(username, password), NO_TENANT_SCHEMA);
    }

    /** A connection whose {@code search_path} is {@code schema} alone. */
    Connection forSchema(String schema) throws SQLException {
        return withSchema(obtainTargetDataSource().getConnection(), schema);
    }

    private Connection withSchema(Connection connection, String schema) throws SQLException {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            connection.close();
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        try {
            Connection physical = connection.unwrap(Connection.class);
            // plain users (registry lookups, migrations) are rare and may have changed the path themselves: always set
            if (NO_TENANT_SCHEMA.equals(schema) || !schema.equals(schemaOf.get(physical))) {
                schemaOf.remove(physical);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set search_path to " + schema);
                }
                if (connection.getAutoCommit()) { // a rolled-back transaction would take the setting back
                    schemaOf.put(physical, schema);
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
