package io.safaridesk.platform.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate the schema of the workspace in {@link TenantContext}. Without one it names a schema that no connection
 * is ever handed out for: Hibernate may open sessions (Spring Data does at start-up), but the first query fails with
 * {@link TenantContext.NoTenantInContext}.
 */
final class CurrentTenantSchemaResolver implements CurrentTenantIdentifierResolver<String> {

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.find().map(TenantSlug::schemaName).orElse(TenantSchemaConnectionProvider.NO_TENANT_SCHEMA);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
