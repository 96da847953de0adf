package io.safaridesk.platform.tenancy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates, migrates and drops workspace schemas, all from the one tenant migration set ({@code db/tenant}). */
public final class TenantSchemas {

    static final String MIGRATIONS = "classpath:db/tenant";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public TenantSchemas(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Creates the workspace's schema; does nothing when it exists. */
    public void create(TenantSlug tenant) {
        jdbc.sql("create schema if not exists " + tenant.schemaName()).update();
    }

    public boolean exists(TenantSlug tenant) {
        return jdbc.sql("select exists (select 1 from information_schema.schemata where schema_name = ?)")
                .param(tenant.schemaName())
                .query(Boolean.class)
                .single();
    }

    /** Applies every pending tenant migration to the workspace's schema; returns how many were applied. */
    public int migrate(TenantSlug tenant) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(tenant.schemaName())
                .defaultSchema(tenant.schemaName())
                .createSchemas(true)
                .locations(MIGRATIONS)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** Drops the workspace's schema and everything in it; does nothing when it is gone already. */
    public void drop(TenantSlug tenant) {
        jdbc.sql("drop schema if exists " + tenant.schemaName() + " cascade").update();
    }
}
